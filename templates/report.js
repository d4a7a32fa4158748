// Filters, note placement and highlight/note linking. No network, no inline handlers: the
// page's Content-Security-Policy allows this one script only.
(function () {
  "use strict";
  var RANK = { info: 0, warning: 1, error: 2 };
  var data = JSON.parse(document.getElementById("supplint-data").textContent);
  var findings = data.findings;
  var filters = document.getElementById("filters");
  var boxes = filters ? Array.prototype.slice.call(filters.querySelectorAll("input[type=checkbox]")) : [];
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var byId = document.querySelectorAll("[data-id]");
  var wide = window.matchMedia("(min-width: 60.01rem)");

  function checked(axis) {
    var on = {};
    boxes.forEach(function (box) {
      if (box.getAttribute("data-axis") === axis && box.checked) { on[box.value] = true; }
    });
    return on;
  }

  function shownIds() {
    var families = checked("family"), severities = checked("severity"), shown = {};
    Object.keys(findings).forEach(function (id) {
      var f = findings[id];
      if (families[f.family] && severities[f.severity]) { shown[id] = true; }
    });
    return shown;
  }

  function idsOf(mark) { return mark.getAttribute("data-ids").split(" "); }

  function apply() {
    var shown = shownIds(), count = Object.keys(shown).length;
    marks.forEach(function (mark) {
      var visible = idsOf(mark).filter(function (id) { return shown[id]; });
      mark.classList.toggle("off", visible.length === 0);
      var top = visible.reduce(function (best, id) {
        return best === "" || RANK[findings[id].severity] > RANK[best] ? findings[id].severity : best;
      }, "");
      mark.setAttribute("data-sev", top);
    });
    Array.prototype.forEach.call(byId, function (el) { el.hidden = !shown[el.getAttribute("data-id")]; });
    var output = document.getElementById("shown");
    if (output) {
      output.textContent = "Showing " + count + " of " + Object.keys(findings).length + " findings.";
    }
    layout();
  }

  // Margin notes: each note sits beside its highlight, pushed down if the previous one is in the way.
  function layout() {
    Array.prototype.forEach.call(document.querySelectorAll(".annotated"), function (block) {
      var notes = block.querySelector(".notes");
      block.classList.toggle("wide", wide.matches);
      var list = Array.prototype.slice.call(notes.querySelectorAll(".note"));
      if (!wide.matches) {
        list.forEach(function (note) { note.style.top = ""; });
        notes.style.minHeight = "";
        return;
      }
      // read every position first, then write: one layout pass however many notes there are
      var origin = notes.getBoundingClientRect().top, next = 0;
      var shown = list.filter(function (note) { return !note.hidden; });
      var wants = shown.map(function (note) {
        var anchor = document.getElementById("hl-" + note.getAttribute("data-id"));
        return anchor ? anchor.getBoundingClientRect().top - origin : null;
      });
      var heights = shown.map(function (note) { return note.offsetHeight; });
      shown.forEach(function (note, i) {
        var top = Math.max(wants[i] === null ? next : wants[i], next);
        note.style.top = top + "px";
        next = top + heights[i] + 8;
      });
      notes.style.minHeight = next + "px";
    });
  }

  function activate(ids, scrollTo) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    ids.forEach(function (id) {
      var note = document.getElementById("note-" + id);
      if (note && !note.hidden) { note.classList.add("active"); }
      marks.forEach(function (mark) {
        if (idsOf(mark).indexOf(id) >= 0) { mark.classList.add("active"); }
      });
    });
    if (scrollTo && !wide.matches) { scrollTo.scrollIntoView({ block: "center" }); }
  }

  function select(mark) {
    var shown = shownIds();
    var ids = idsOf(mark).filter(function (id) { return shown[id]; });
    if (ids.length) { activate(ids, document.getElementById("note-" + ids[0])); }
  }

  marks.forEach(function (mark) {
    mark.addEventListener("click", function () { select(mark); });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(mark); }
    });
  });
  document.querySelectorAll(".note").forEach(function (note) {
    note.addEventListener("click", function () { activate([note.getAttribute("data-id")], null); });
  });
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  window.addEventListener("resize", layout);
  if (wide.addEventListener) { wide.addEventListener("change", layout); }
  if (document.fonts && document.fonts.ready) { document.fonts.ready.then(layout); }
  if (filters) { filters.hidden = false; }
  document.body.classList.add("js");
  apply();
})();
