// forms.js: small helps for forms and the header; every page works
// without it.
//
// A refused form's error summary (#loi) takes the focus when the page
// opens, so that a phone shows what went wrong rather than the top of a
// long page; its links lead to each field, found by id or by name.
(function () {
  "use strict";
  function field(name) {
    if (!name) return null;
    var esc = function (s) { return window.CSS && CSS.escape ? CSS.escape(s) : s; };
    var last = name.split(".").pop(); // "task.due" is the field named "due"
    return document.getElementById(name) || document.querySelector('[name="' + esc(name) + '"]') ||
      document.querySelector('[name="' + esc(last) + '"]');
  }
  // The header's menu folds on a phone; a wide screen shows its links.
  function menu() {
    var m = document.querySelector("header.top details.menu");
    if (m && window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) m.open = true;
  }
  function init() {
    menu();
    var summary = document.getElementById("loi");
    if (!summary) return;
    summary.querySelectorAll("a[data-field]").forEach(function (a) {
      var f = field(a.getAttribute("data-field"));
      if (!f) return;
      if (!f.id) f.id = "truong-" + a.getAttribute("data-field").replace(/[^A-Za-z0-9_-]/g, "-");
      a.setAttribute("href", "#" + f.id);
      a.addEventListener("click", function (e) {
        e.preventDefault();
        var d = f.closest("details");
        if (d) d.open = true;
        f.scrollIntoView({block: "center"});
        f.focus();
      });
    });
    summary.focus();
    summary.scrollIntoView({block: "start"});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
