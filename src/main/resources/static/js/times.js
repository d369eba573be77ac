// Times are written by the server in the zone the member chose (marked data-zone), or in UTC.
// Where this script runs, it writes each other <time datetime> in the member's chosen zone (a
// reply that arrived live) or else the browser's own,
// with the full moment (weekday, zone and UTC) as its title, the same way the server does.
// Times added later (replies arriving live) are written the same way. Without it, nothing is lost.
(function () {
  'use strict';
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var chosen = document.documentElement.getAttribute('data-time-zone');
  var zone;
  try {
    zone = chosen || Intl.DateTimeFormat().resolvedOptions().timeZone;
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch (e) {
    return; // a zone this browser does not know: the server's UTC stays
  }
  if (!zone) {
    return;
  }
  var utc = zone === 'UTC' || zone === 'Etc/UTC';
  var short = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short'
  });
  var full = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'long'
  });
  var inUtc = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  });

  function write(time) {
    var at = new Date(time.getAttribute('datetime'));
    if (isNaN(at.getTime()) || time.hasAttribute('data-zone')) {
      return;
    }
    time.textContent = short.format(at).replace(' at ', ', ');
    time.title = utc ? inUtc.format(at).replace(' at ', ', ') + ' UTC (Coordinated Universal Time)'
      : full.format(at).replace(' at ', ', ') + ' (' + zone + '), ' + inUtc.format(at).replace(' at ', ', ') + ' UTC';
    time.setAttribute('data-zone', zone);
  }

  function writeAll(root) {
    if (root.matches && root.matches('time[datetime]')) {
      write(root);
    }
    if (root.querySelectorAll) {
      Array.prototype.forEach.call(root.querySelectorAll('time[datetime]'), write);
    }
  }

  writeAll(document);
  if (window.MutationObserver) {
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        Array.prototype.forEach.call(change.addedNodes, writeAll);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }
})();
