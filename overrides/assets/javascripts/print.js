/* The actions of a document page, in one file (a first visit on a slow phone network pays one request
   for both: benchmarks/budget.toml). Printing: the print buttons, and what paper needs that a screen
   does not — each abbreviation spelled out once, and the address after each link. Sharing: below. */
(function () {
  "use strict";

  var root = document.documentElement;

  /* What is being printed: the chosen speaker sheet, or the page's article. */
  function article() {
    return document.querySelector(".ht-print-target") ||
      document.querySelector("article.md-content__inner") || document.body;
  }

  /* `CTr` in `18-CTr/TU` is part of a document's symbol, not a word to spell out. */
  function inSymbol(abbr) {
    var before = abbr.previousSibling ? abbr.previousSibling.textContent : "";
    var after = abbr.nextSibling ? abbr.nextSibling.textContent : "";
    return /[-\/]$/.test(before) || /^[-\/]/.test(after);
  }

  /* The first use of each abbreviation in the running text gets its meaning after it
     (not in titles or the card, where it would break the document's symbol apart). */
  function markAbbreviations() {
    var seen = {};
    article().querySelectorAll("abbr[title]").forEach(function (abbr) {
      if (abbr.closest("h1, h2, h3, h4, h5, h6, .ht-card") || inSymbol(abbr)) return;
      var key = abbr.textContent + "\u0000" + abbr.title;
      abbr.classList.toggle("ht-abbr-first", !seen[key]);
      seen[key] = true;
    });
  }

  /* Links to other pages print their full address; same-page and permalink anchors do not. */
  function markLinks() {
    article().querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (href.charAt(0) === "#" || link.classList.contains("headerlink") || link.closest(".ht-card, svg")) return;
      link.setAttribute("data-ht-href", link.href);
    });
  }

  /* The document card is folded away on screen; on paper it is open. */
  var folded = [];
  function unfoldCards() {
    document.querySelectorAll(".ht-card__details:not([open])").forEach(function (details) {
      details.open = true;
      folded.push(details);
    });
  }

  window.addEventListener("beforeprint", function () {
    markAbbreviations();
    markLinks();
    unfoldCards();
  });
  window.addEventListener("afterprint", function () {
    folded.forEach(function (details) { details.open = false; });
    folded = [];
    root.classList.remove("ht-print-one");
    document.querySelectorAll(".ht-print-target").forEach(function (el) {
      el.classList.remove("ht-print-target");
    });
  });

  /* Buttons are hidden in the HTML and shown here, so without JavaScript none is dead. */
  document.querySelectorAll("[data-ht-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var sheet = button.getAttribute("data-ht-print") === "sheet" && button.closest(".ht-sheet");
      if (sheet) {
        root.classList.add("ht-print-one");
        sheet.classList.add("ht-print-target");
      }
      markAbbreviations();
      markLinks();
      unfoldCards();
      window.print();
    });
  });
})();

/* Share a document page: the share sheet (Web Share) where the browser has one, else the link
   copied (Clipboard API; over plain http, which has neither, a selected field), said in the status line. */
(function () {
  var button = document.querySelector("[data-ht-share]");
  if (!button) return;
  var link = document.querySelector("link[rel=canonical]");
  var url = link ? link.href : location.href.split("#")[0];

  function copy() {
    if (navigator.clipboard) return navigator.clipboard.writeText(url);
    var field = document.createElement("textarea");
    field.value = url;
    field.style.cssText = "position:fixed;opacity:0";
    document.body.append(field);
    field.select();
    var done = document.execCommand("copy");
    field.remove();
    return done ? Promise.resolve() : Promise.reject();
  }

  button.hidden = false;
  button.onclick = function () {
    if (navigator.share) return navigator.share({ title: document.title, url: url }).catch(function () {});
    var say = function (text) { button.nextElementSibling.textContent = text; };
    copy().then(function () { say(button.dataset.htCopied); }, function () { say(url); });
  };
})();
