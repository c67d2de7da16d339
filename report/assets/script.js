// communique report: clicking an event row, a timeline leg or an evidence
// highlight brings its counterpart into view and flashes it.
(function () {
  "use strict";
  function flash(el) {
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1600);
  }
  function evidenceOf(id) {
    return document.querySelector('mark.ev[data-event-id="' + CSS.escape(id) + '"]');
  }
  function rowOf(id) {
    return document.querySelector('tr.event[data-event-id="' + CSS.escape(id) + '"]');
  }
  // current marks the event last chosen, its row and its highlights.
  function current(id) {
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    document.querySelectorAll('[data-event-id="' + CSS.escape(id) + '"]').forEach(function (el) { el.classList.add("current"); });
  }
  // show scrolls el into view in its scrolling panel and in the window.
  function show(el) {
    el.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
    flash(el);
  }
  document.addEventListener("click", function (ev) {
    var row = ev.target.closest("tr.event");
    if (row) {
      current(row.dataset.eventId);
      var mark = evidenceOf(row.dataset.eventId);
      if (mark) { show(mark); }
      return;
    }
    var leg = ev.target.closest(".leg");
    if (leg) {
      ev.preventDefault();
      current(leg.dataset.goto);
      var target = evidenceOf(leg.dataset.goto) || rowOf(leg.dataset.goto);
      if (target) { show(target); }
      return;
    }
    var m = ev.target.closest("mark.ev");
    if (m) {
      current(m.dataset.eventId);
      var r = rowOf(m.dataset.eventId);
      if (r) { r.scrollIntoView({ block: "nearest", behavior: "instant" }); flash(r); }
    }
  });
})();
