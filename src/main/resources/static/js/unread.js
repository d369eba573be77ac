// The header's count of unread notifications follows new ones while the page is open
// (server-sent events). Without this script the count is the one the page was loaded with.
// The stream is open only while the page is visible: a browser keeps few connections to one
// site, and every open tab holding one would leave none for loading pages.
(function () {
  'use strict';
  var badge = document.querySelector('.unread-count');
  if (!badge || !window.EventSource) {
    return;
  }
  var number = badge.querySelector('.unread-number');
  var source = null;

  function show(count) {
    badge.setAttribute('data-unread', String(count));
    number.textContent = count > 99 ? '99+' : String(count);
    badge.hidden = count === 0;
  }

  function connect() {
    if (source) {
      return;
    }
    source = new EventSource('/me/notifications/live');
    source.addEventListener('unread', function (event) {
      var count = parseInt(event.data, 10);
      if (!isNaN(count) && count >= 0) {
        show(count);
      }
    });
    source.onerror = function () {
      // the browser tries again by itself, unless the answer was not a stream (signed out, no room)
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
      }
    };
  }

  function disconnect() {
    if (source) {
      source.close();
      source = null;
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden) {
      disconnect();
    } else {
      connect();
    }
  });
  if (!document.hidden) {
    connect();
  }
})();
