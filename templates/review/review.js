// Keyboard triage for the review workspace: j/k move between findings, a accepts, d dismisses
// (the reason field takes focus; Enter submits the dismissal), f marks fixed, u undoes.
(function () {
  "use strict";
  var notes = [], current = -1;
  var wide = window.matchMedia("(min-width: 60.01rem)");

  // Margin notes, as in the report: each note level with its highlight, pushed down only by
  // the note above it. Read every position first, then write: one layout pass.
  function layout() {
    var block = document.querySelector(".annotated");
    if (!block) return;
    var box = block.querySelector(".notes");
    block.classList.toggle("wide", wide.matches);
    if (!wide.matches) {
      notes.forEach(function (note) { note.style.top = ""; });
      box.style.minHeight = "";
      return;
    }
    var origin = box.getBoundingClientRect().top, next = 0;
    var wants = notes.map(function (note) {
      var anchor = document.getElementById("hl-" + note.dataset.id);
      return anchor ? anchor.getBoundingClientRect().top - origin : null;
    });
    var heights = notes.map(function (note) { return note.offsetHeight; });
    notes.forEach(function (note, i) {
      var top = Math.max(wants[i] === null ? next : wants[i], next);
      note.style.top = top + "px";
      next = top + heights[i] + 8;
    });
    box.style.minHeight = next + "px";
  }

  function select(index) {
    if (!notes.length) return;
    current = Math.max(0, Math.min(notes.length - 1, index));
    notes.forEach(function (note, n) { note.classList.toggle("selected", n === current); });
    layout();  // the selected note shows its fields: the notes below it move down
    var note = notes[current];
    note.focus({ preventScroll: true });
    var mark = document.querySelector('mark.hl[data-ids~="' + note.dataset.id + '"]');
    document.querySelectorAll("mark.hl.active").forEach(function (m) { m.classList.remove("active"); });
    if (mark) mark.classList.add("active");
    if (mark && wide.matches) {  // the note sits beside its highlight: bring both into view
      mark.scrollIntoView({ block: "center" });
    } else {
      note.scrollIntoView({ block: "nearest" });
    }
  }

  function press(status) {
    var note = notes[current];
    var button = note && note.querySelector('button[value="' + status + '"]');
    if (button) button.click();
  }

  function typing(target) {
    return target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  document.addEventListener("DOMContentLoaded", function () {
    notes = Array.prototype.slice.call(document.querySelectorAll(".review-note"));
    document.body.classList.add("js");
    layout();
    window.addEventListener("resize", layout);
    if (wide.addEventListener) wide.addEventListener("change", layout);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(layout);
    document.querySelectorAll(".review-note details").forEach(function (d) {
      d.addEventListener("toggle", layout);
    });
    notes.forEach(function (note, n) {
      note.addEventListener("click", function () { if (n !== current) select(n); });
    });
    document.querySelectorAll('.review-note button[value="dismissed"]').forEach(function (button) {
      button.addEventListener("click", function (event) {  // no reason yet: ask for one first
        var input = button.form.querySelector(".reason-input");
        if (input && !input.value.trim()) {
          event.preventDefault();
          select(notes.indexOf(button.closest(".review-note")));
          input.focus();
        }
      });
    });
    var id = window.location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* keep it as typed */ }
    var anchor = id ? document.getElementById(id) : null;
    var start = anchor ? notes.indexOf(anchor.closest(".review-note")) : -1;
    if (start >= 0) select(start);  // back from a decision: the same finding stays selected
    document.querySelectorAll("mark.hl").forEach(function (mark) {
      mark.addEventListener("click", function () {
        var id = mark.dataset.ids.split(" ")[0];
        var index = notes.findIndex(function (n) { return n.dataset.id === id; });
        if (index >= 0) select(index);  // its note may be hidden by a filter
      });
    });
    document.querySelectorAll(".reason-input").forEach(function (input) {
      input.addEventListener("keydown", function (event) {  // Enter in the reason: dismiss
        if (event.key === "Enter") {
          event.preventDefault();
          input.form.querySelector('button[value="dismissed"]').click();
        }
      });
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var key = event.key;
    if (key === "j") select(current + 1);
    else if (key === "k") select(current - 1);
    else if (current < 0) return;
    else if (key === "a") press("accepted");
    else if (key === "f") press("fixed");
    else if (key === "u") press("open");
    else if (key === "d") {
      var input = notes[current].querySelector(".reason-input");
      if (input) { event.preventDefault(); input.focus(); }
    } else return;
    event.preventDefault();
  });
})();
