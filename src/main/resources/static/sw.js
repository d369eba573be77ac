// Hearth's service worker: it only shows web push notifications and opens Hearth when one is
// tapped. It caches nothing and fetches nothing. What a notification says comes encrypted from
// Hearth (RFC 8291) and is discreet unless the member chose otherwise; without words it says
// the discreet thing.
'use strict';

self.addEventListener('install', function () {
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('push', function (event) {
  var message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (notJson) {
    message = {};
  }
  event.waitUntil(self.registration.showNotification(message.title || 'Hearth', {
    body: message.body || 'New activity on Hearth',
    icon: '/favicon.svg',
    // one notification on the device, replaced by the next, not a pile of them
    tag: 'hearth',
    data: { url: typeof message.url === 'string' && message.url.charAt(0) === '/' ? message.url : '/me/notifications' }
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var url = new URL(event.notification.data && event.notification.data.url || '/me/notifications', self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === url && 'focus' in windows[i]) {
        return windows[i].focus();
      }
    }
    return self.clients.openWindow(url);
  }));
});
