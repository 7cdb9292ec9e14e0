/* The study site's scripts, one file so a phone makes one request: the print action, then the quiz. */

/* Printing: the print buttons, and what paper needs that a screen does not —
   each abbreviation spelled out once, and the address after each link. */
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

  window.addEventListener("beforeprint", function () {
    markAbbreviations();
    markLinks();
  });
  window.addEventListener("afterprint", function () {
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
      window.print();
    });
  });
})();

/* The self-check quiz (Ôn tập): checks an answer, shows why, keeps the score on this device only.
   The questions are in the page (rendered at build time), so it works offline and under file://. */
(function () {
  "use strict";

  var KEY = "hoctap:on-tap";

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY)) || {};
    } catch (error) {
      return {};
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      /* Storage refused (private mode): the quiz still works, the score is not kept. */
    }
  }

  document.querySelectorAll("[data-ht-quiz]").forEach(function (quiz) {
    var forms = Array.prototype.slice.call(quiz.querySelectorAll("form[data-answer]"));
    var score = quiz.querySelector("[data-ht-quiz-score]");
    var state = load();

    function showScore() {
      var done = forms.filter(function (f) { return f.id in state; });
      var right = done.filter(function (f) { return state[f.id]; });
      score.textContent = quiz.getAttribute("data-t-score")
        .replace("{right}", right.length).replace("{total}", forms.length).replace("{done}", done.length);
    }

    function answer(form) {
      var picked = form.querySelector("input[type=radio]:checked");
      var feedback = form.querySelector(".ht-quiz__feedback");
      if (!picked) {
        feedback.textContent = quiz.getAttribute("data-t-choose");
        return;
      }
      var inputs = form.querySelectorAll("input[type=radio]");
      var correct = inputs[Number(form.getAttribute("data-answer"))];
      var right = picked === correct;
      form.classList.remove("ht-quiz__q--right", "ht-quiz__q--wrong");
      form.classList.add(right ? "ht-quiz__q--right" : "ht-quiz__q--wrong");
      inputs.forEach(function (input) {
        input.parentNode.classList.toggle("ht-quiz__choice--answer", input === correct);
      });
      feedback.textContent = right ? quiz.getAttribute("data-t-right")
        : quiz.getAttribute("data-t-wrong").replace("{answer}", correct.parentNode.textContent.trim());
      form.querySelector(".ht-quiz__explain").hidden = false;
      state[form.id] = right;
      save(state);
      showScore();
    }

    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        answer(form);
      });
    });

    quiz.querySelector("[data-ht-quiz-reset]").addEventListener("click", function () {
      state = {};
      save(state);
      forms.forEach(function (form) {
        form.reset();
        form.classList.remove("ht-quiz__q--right", "ht-quiz__q--wrong");
        form.querySelector(".ht-quiz__feedback").textContent = "";
        form.querySelector(".ht-quiz__explain").hidden = true;
        form.querySelectorAll(".ht-quiz__choice--answer").forEach(function (label) {
          label.classList.remove("ht-quiz__choice--answer");
        });
      });
      showScore();
    });

    showScore();
  });
})();
