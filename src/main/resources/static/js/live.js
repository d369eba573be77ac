// New replies appear on the last page of a topic while it is open (server-sent events).
// The page is complete without this script; with it, replies posted since the page loaded are
// added after the others, announced politely to screen readers and, while out of view, pointed
// to by a small bar at the bottom of the screen; the topic's reply count follows. Focus never moves.
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
  var count = document.querySelector('.meta .reply-count');
  // new replies not yet seen: the bar leads to the first and goes once all were in view
  var unseen = [];
  var bar = document.createElement('a');
  bar.className = 'live-news';
  bar.hidden = true;
  status.after(bar);
  var watcher = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        seen(entry.target);
      }
    });
  }, {threshold: 0.2}) : null;
  var source = null;
  var finished = false;
  var added = 0;
  var timer;

  function newReplies(n) {
    return n === 1 ? '1 new reply' : n + ' new replies';
  }

  function showBar() {
    bar.hidden = unseen.length === 0;
    if (unseen.length > 0) {
      bar.textContent = newReplies(unseen.length) + ' ';
      var arrow = document.createElement('span');
      arrow.setAttribute('aria-hidden', 'true');
      arrow.textContent = '\u2193';
      bar.appendChild(arrow);
      bar.href = '#' + unseen[0].id;
    }
  }

  function seen(post) {
    unseen = unseen.filter(function (p) { return p !== post; });
    if (watcher) {
      watcher.unobserve(post);
    }
    showBar();
  }

  bar.addEventListener('click', function () {
    // the link takes the reader to the first new reply; the rest follow it
    unseen.forEach(function (p) { if (watcher) { watcher.unobserve(p); } });
    unseen = [];
    showBar();
  });

  function countReplies(position) {
    if (count && position > 0) {
      count.textContent = position === 1 ? '1 reply' : position + ' replies';
    }
  }

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
    var had = form.querySelector('input[name=had]');
    if (had) {
      had.value = '';
    }
    readOnly.replaceWith(form);
  }

  function onReply(event) {
    var position = Number(event.lastEventId);
    last = Math.max(last, position);
    countReplies(last);
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
    post.classList.add('arrived');
    posts.appendChild(post);
    unseen.push(post);
    if (watcher) {
      watcher.observe(post);
    }
    showBar();
    added++;
    clearTimeout(timer);
    timer = setTimeout(function () {
      announce(newReplies(added));
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
