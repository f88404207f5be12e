// sourcetrace HTML report: one inline script (allowed by the page's CSP hash), no inline handlers.
(function () {
  "use strict";
  var FLASH_MS = 1600;
  function flash(nodes) {
    nodes.forEach(function (n) { n.classList.add("flash"); });
    window.setTimeout(function () { nodes.forEach(function (n) { n.classList.remove("flash"); }); }, FLASH_MS);
  }
  function goTo(target, group) {
    var first = document.getElementById(target);
    if (!first) { return; }
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    first.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
    first.focus({ preventScroll: true });
    flash(group ? Array.prototype.slice.call(document.querySelectorAll('[data-ev~="' + group + '"]')) : [first]);
  }
  document.querySelectorAll("button[data-target]").forEach(function (b) {
    b.addEventListener("click", function () { goTo(b.getAttribute("data-target"), b.getAttribute("data-group")); });
  });
  // Markers: let the browser follow the #ref-… anchor, then flash the parsed reference.
  document.querySelectorAll("a.marker, a.back").forEach(function (a) {
    a.addEventListener("click", function () {
      var id = (a.getAttribute("href") || "").slice(1);
      var el = document.getElementById(id);
      if (el) { window.setTimeout(function () { el.focus({ preventScroll: true }); flash([el]); }, 50); }
    });
  });
  // Speakers: pressing one dims every other speaker's quotations.
  var text = document.querySelector(".text");
  var speakers = Array.prototype.slice.call(document.querySelectorAll("button.speaker"));
  speakers.forEach(function (b) {
    b.addEventListener("click", function () {
      var on = b.getAttribute("aria-pressed") !== "true";
      speakers.forEach(function (o) { o.setAttribute("aria-pressed", "false"); });
      document.querySelectorAll(".q.on").forEach(function (q) { q.classList.remove("on"); });
      text.classList.toggle("dim", on);
      if (on) {
        b.setAttribute("aria-pressed", "true");
        var nodes = Array.prototype.slice.call(document.querySelectorAll('.q[data-speaker="' + b.getAttribute("data-speaker") + '"]'));
        nodes.forEach(function (q) { q.classList.add("on"); });
        if (nodes.length) { nodes[0].scrollIntoView({ block: "center" }); }
      }
    });
  });
})();
