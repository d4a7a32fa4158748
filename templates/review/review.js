// Keyboard triage for the review workspace: j/k move between findings, a accepts, d dismisses
// (the reason field takes focus; Enter submits the dismissal), f marks fixed, u undoes.
(function () {
  "use strict";
  var notes = [], current = -1;

  function select(index) {
    if (!notes.length) return;
    current = Math.max(0, Math.min(notes.length - 1, index));
    notes.forEach(function (note, n) { note.classList.toggle("selected", n === current); });
    var note = notes[current];
    note.focus({ preventScroll: true });
    note.scrollIntoView({ block: "nearest" });
    var mark = document.querySelector('mark.hl[data-ids~="' + note.dataset.id + '"]');
    document.querySelectorAll("mark.hl.active").forEach(function (m) { m.classList.remove("active"); });
    if (mark) { mark.classList.add("active"); mark.scrollIntoView({ block: "center" }); }
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
