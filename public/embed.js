/*! The Reset: embed loader. Keeps each of our chart iframes exactly as tall as its chart. No cookies, no tracking. */
(function () {
  'use strict';
  // Our origin is the one this script was loaded from: only frames and messages from there are ever trusted.
  var me = document.currentScript;
  var origin;
  try {
    origin = new URL(me && me.src).origin;
  } catch (e) {
    return;
  }
  var KEY = '__theResetEmbed ' + origin;
  var MAX = 10000;

  function ours(frame) {
    try {
      var u = new URL(frame.getAttribute('src') || '', location.href);
      return u.origin === origin && /^\/embed\/[^/]+\/?$/.test(u.pathname);
    } catch (e) {
      return false;
    }
  }

  // Re-queried each time, so frames added after this script ran are found too.
  function frames() {
    return Array.prototype.filter.call(document.getElementsByTagName('iframe'), ours);
  }

  // True once a frame holds a document from our origin. Until then it holds about:blank, whose origin is the host's:
  // a message to it would be lost, and the browser would log a target-origin warning for it. A cross-origin document
  // cannot be read (the read throws); on our own site the frame's address can be.
  function loaded(frame) {
    try {
      return frame.contentWindow.location.origin === origin && frame.contentWindow.location.href !== 'about:blank';
    } catch (e) {
      return true;
    }
  }

  // Frames that loaded before this script have already reported; ask them again. Frames still loading report on
  // their own load, when this script already listens.
  function ask() {
    frames().forEach(function (f) {
      try {
        if (f.contentWindow && loaded(f)) f.contentWindow.postMessage({ source: 'the-reset', type: 'request-height' }, origin);
      } catch (e) {}
    });
  }

  if (window[KEY]) return window[KEY]();
  window[KEY] = ask;

  window.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || typeof d !== 'object' || d.source !== 'the-reset' || d.type !== 'height') return;
    var h = d.height;
    // Numbers only, above 0 and at most 10,000 px: NaN, strings, negatives and huge values are ignored.
    if (typeof h !== 'number' || !(h > 0) || h > MAX) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === e.source) {
        list[i].style.height = Math.max(1, Math.ceil(h)) + 'px';
        return;
      }
    }
  });
  ask();
})();
