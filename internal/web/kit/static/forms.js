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
  // A form marked data-draft (the report's) keeps a copy of what is
  // typed in this browser, and offers it back when the page opens again
  // with other values (a reload, a dropped connection, a closed tab),
  // until the server holds a newer version than the copy (data-version).
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function drafts() {
    var form = document.querySelector("form[data-draft]");
    var store;
    try { store = window.localStorage; } catch (e) { return; }
    if (!form || !store) return;
    var key = "danvan:" + form.getAttribute("data-draft");
    var version = Number(form.getAttribute("data-version") || 0);
    var fields = function () { return form.querySelectorAll("input[type=text], textarea"); };
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && (typeof saved.values !== "object" || Number(saved.version) < version)) {
      store.removeItem(key);
      saved = null;
    }
    var offer = document.getElementById("ban-nhap-may");
    if (saved && offer) {
      var differs = false;
      fields().forEach(function (f) {
        if (Object.prototype.hasOwnProperty.call(saved.values, f.name) && saved.values[f.name] !== f.value) differs = true;
      });
      if (differs) {
        var at = new Date(saved.at);
        offer.querySelector(".draft-time").textContent = pad(at.getDate()) + "/" + pad(at.getMonth() + 1) + "/" +
          at.getFullYear() + " " + pad(at.getHours()) + ":" + pad(at.getMinutes());
        offer.hidden = false;
        offer.querySelector("[data-draft-restore]").addEventListener("click", function () {
          fields().forEach(function (f) {
            if (Object.prototype.hasOwnProperty.call(saved.values, f.name)) f.value = saved.values[f.name];
          });
          offer.hidden = true;
        });
        offer.querySelector("[data-draft-discard]").addEventListener("click", function () {
          store.removeItem(key);
          offer.hidden = true;
        });
      }
    }
    var timer = null;
    var keep = function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var values = {};
        fields().forEach(function (f) { values[f.name] = f.value; });
        try { store.setItem(key, JSON.stringify({version: version, at: Date.now(), values: values})); } catch (e) { /* full */ }
      }, 300);
    };
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
  }
  // A file input marked data-max refuses a larger file before it is
  // sent (a phone on a slow line would send 10 MB to hear "too large"):
  // the message after it shows and the choice is cleared.
  function sizes() {
    document.querySelectorAll("input[type=file][data-max]").forEach(function (input) {
      var max = Number(input.getAttribute("data-max"));
      var msg = input.parentNode.querySelector("[data-too-big]");
      input.addEventListener("change", function () {
        var f = input.files && input.files[0];
        var big = !!f && max > 0 && f.size > max;
        if (msg) msg.hidden = !big;
        if (big) { input.value = ""; input.focus(); }
      });
    });
  }
  function init() {
    menu();
    sizes();
    drafts();
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
    summary.focus({preventScroll: true});
    // A little room above it, so that its focus ring shows too.
    window.scrollTo(0, Math.max(0, summary.getBoundingClientRect().top + window.scrollY - 12));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
