// New replies appear on the last page of a topic while it is open (server-sent events).
// The page is complete without this script; with it, replies posted since the page loaded are
// added after the others and announced politely to screen readers. Focus never moves.
(function () {
  'use strict';
  var posts = document.querySelector('.posts[data-live]');
  if (!posts || !window.EventSource) {
    return;
  }
  var url = posts.getAttribute('data-live');
  var last = Number(posts.getAttribute('data-after')); // the newest position this page has
  var pageEnd = Number(posts.getAttribute('data-page-end'));
  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status'); // polite: read out when the reader pauses
  posts.after(status);
  var source = null;
  var finished = false;
  var added = 0;
  var timer;

  function announce(text) {
    // a trailing no-break space on every other message, so the same words are read again
    status.textContent = status.textContent === text ? text + '\u00a0' : text;
  }

  // The event carries the post as every reader sees it; a member's own reaction buttons (with
  // their form token) are copied from a post already on the page.
  function withReactions(post) {
    var mine = document.querySelector('form.reactions');
    var readOnly = post.querySelector('p.reactions');
    if (!mine || !readOnly) {
      return;
    }
    var form = mine.cloneNode(true);
    form.setAttribute('action', mine.getAttribute('action').replace(/\/p\/[^/]+\/reactions$/,
      '/p/' + post.id.slice(2) + '/reactions'));
    form.querySelectorAll('.count').forEach(function (count) { count.remove(); });
    form.querySelectorAll('[aria-pressed]').forEach(function (button) {
      button.setAttribute('aria-pressed', 'false');
    });
    readOnly.replaceWith(form);
  }

  function onReply(event) {
    var position = Number(event.lastEventId);
    last = Math.max(last, position);
    if (position >= pageEnd) {
      // it belongs to the next page: say so once and stop following this one
      finished = true;
      pause();
      var more = document.createElement('p');
      var link = document.createElement('a');
      link.href = posts.getAttribute('data-next');
      link.textContent = 'New replies on the next page';
      more.className = 'live-more';
      more.appendChild(link);
      status.after(more);
      announce('New replies on the next page');
      return;
    }
    var template = document.createElement('template');
    template.innerHTML = event.data;
    var post = template.content.firstElementChild;
    if (!post || !post.id || document.getElementById(post.id)) {
      return; // already on the page
    }
    withReactions(post);
    posts.appendChild(post);
    added++;
    clearTimeout(timer);
    timer = setTimeout(function () {
      announce(added === 1 ? '1 new reply' : added + ' new replies');
      added = 0;
    }, 500);
  }

  function follow() {
    if (!source && !finished) {
      source = new EventSource(url + '?after=' + last);
      source.addEventListener('reply', onReply);
    }
  }

  function pause() {
    if (source) {
      source.close();
      source = null;
    }
  }

  // A tab out of sight lets go of its connection (browsers allow few per site) and catches up
  // when it is looked at again.
  document.addEventListener('visibilitychange', function () {
    if (document.hidden) {
      pause();
    } else {
      follow();
    }
  });
  if (!document.hidden) {
    follow();
  }
}());
