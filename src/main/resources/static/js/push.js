// Turning web push on and off for this browser, on the notifications settings page. The page
// works without it: the list of browsers and their Stop buttons are plain forms. This script
// registers Hearth's service worker (/sw.js), asks the browser's permission only when the
// member presses the button, subscribes with the site's public key, and sends what the
// browser's push service gave through the page's own form, so the answer is a page like any.
(function () {
  'use strict';
  var box = document.querySelector('.push-here');
  if (!box || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    return;
  }
  var on = box.querySelector('.push-on');
  var off = box.querySelector('.push-off');
  var status = box.querySelector('.push-status');
  var unavailable = document.querySelector('.push-unavailable');

  function key(base64url) {
    var base64 = (base64url + '===='.slice(base64url.length % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = window.atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  function say(words) {
    status.textContent = words;
  }

  // whether Hearth still has this browser: its list holds the SHA-256 of each push address
  function known(subscription) {
    if (!subscription || !window.crypto || !window.crypto.subtle) {
      return Promise.resolve(null);
    }
    var digests = (box.getAttribute('data-known') || '').split(' ');
    return window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(subscription.endpoint)).then(function (hash) {
      var hex = Array.prototype.map.call(new Uint8Array(hash), function (b) {
        return ('0' + b.toString(16)).slice(-2);
      }).join('');
      return digests.indexOf(hex) >= 0 ? subscription : null;
    });
  }

  function shown(subscription) {
    on.hidden = !!subscription;
    off.hidden = !subscription;
    if (subscription) {
      off.elements.endpoint.value = subscription.endpoint;
      say('This browser is notified.');
    } else {
      say('This browser is not notified.');
    }
  }

  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(function (registration) {
    box.hidden = false;
    if (unavailable) {
      unavailable.hidden = true;
    }
    return registration.pushManager.getSubscription().then(known).then(shown);
  }).catch(function () {
    // no service worker here (a private window, or an insecure address): the page says why not
  });

  on.addEventListener('submit', function (event) {
    if (on.elements.endpoint.value) {
      return; // filled: this is the real submission
    }
    event.preventDefault();
    var button = on.querySelector('button');
    button.disabled = true;
    Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') {
        throw new Error('This browser was told not to show notifications from this site. Allow them in its settings for this site, then try again.');
      }
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key(box.getAttribute('data-key')) });
    }).then(function (subscription) {
      var json = subscription.toJSON();
      on.elements.endpoint.value = json.endpoint;
      on.elements.p256dh.value = json.keys.p256dh;
      on.elements.auth.value = json.keys.auth;
      on.submit();
    }).catch(function (problem) {
      button.disabled = false;
      say(problem && problem.message ? problem.message : 'This browser could not turn notifications on.');
    });
  });

  off.addEventListener('submit', function (event) {
    if (off.getAttribute('data-unsubscribed')) {
      return;
    }
    event.preventDefault();
    navigator.serviceWorker.ready.then(function (registration) {
      return registration.pushManager.getSubscription();
    }).then(function (subscription) {
      return subscription ? subscription.unsubscribe() : true;
    }).finally(function () {
      off.setAttribute('data-unsubscribed', 'yes');
      off.submit();
    });
  });
}());
