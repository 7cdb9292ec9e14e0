/* The self-check quiz (Ôn tập): checks an answer, shows why, keeps the answers on this device only.
   The questions are in the page (rendered at build time), so it works offline and under file://.
   The first answer to a question counts: the question is then locked, and after a reload each
   answered question shows again as answered, with its choice, and the score is the same. */
(function () {
  "use strict";

  var KEY = "hoctap:on-tap";

  /* {question id: index of the choice picked}; an older kept score (true/false) cannot show a choice. */
  function load() {
    try {
      var state = JSON.parse(window.localStorage.getItem(KEY)) || {};
      Object.keys(state).forEach(function (id) {
        if (typeof state[id] !== "number") delete state[id];
      });
      return state;
    } catch (error) {
      return {};
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      /* Storage refused (private mode): the quiz still works, the answers are not kept. */
    }
  }

  document.querySelectorAll("[data-ht-quiz]").forEach(function (quiz) {
    var forms = Array.prototype.slice.call(quiz.querySelectorAll("form[data-answer]"));
    var score = quiz.querySelector("[data-ht-quiz-score]");
    var state = load();

    function isRight(form) {
      return state[form.id] === Number(form.getAttribute("data-answer"));
    }

    function showScore() {
      var done = forms.filter(function (f) { return f.id in state; });
      score.textContent = quiz.getAttribute("data-t-score")
        .replace("{right}", done.filter(isRight).length).replace("{total}", forms.length)
        .replace("{done}", done.length);
    }

    /* Show a question as answered with `picked` (an index), and lock it. */
    function show(form, picked) {
      var inputs = form.querySelectorAll("input[type=radio]");
      var correct = inputs[Number(form.getAttribute("data-answer"))];
      var right = inputs[picked] === correct;
      inputs[picked].checked = true;
      form.classList.add(right ? "ht-quiz__q--right" : "ht-quiz__q--wrong");
      inputs.forEach(function (input) {
        input.disabled = true;
        input.parentNode.classList.toggle("ht-quiz__choice--answer", input === correct);
      });
      form.querySelector("button[type=submit]").disabled = true;
      form.querySelector(".ht-quiz__feedback").textContent = right ? quiz.getAttribute("data-t-right")
        : quiz.getAttribute("data-t-wrong").replace("{answer}", correct.parentNode.textContent.trim());
      form.querySelector(".ht-quiz__explain").hidden = false;
    }

    function answer(form) {
      if (form.id in state) return;  /* the first answer counts */
      var inputs = Array.prototype.slice.call(form.querySelectorAll("input[type=radio]"));
      var picked = inputs.findIndex(function (input) { return input.checked; });
      if (picked < 0) {
        form.querySelector(".ht-quiz__feedback").textContent = quiz.getAttribute("data-t-choose");
        return;
      }
      state[form.id] = picked;
      save(state);
      show(form, picked);
      showScore();
    }

    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        answer(form);
      });
      if (form.id in state && form.querySelectorAll("input[type=radio]")[state[form.id]]) {
        show(form, state[form.id]);
      }
    });

    quiz.querySelector("[data-ht-quiz-reset]").addEventListener("click", function () {
      state = {};
      save(state);
      forms.forEach(function (form) {
        form.reset();
        form.classList.remove("ht-quiz__q--right", "ht-quiz__q--wrong");
        form.querySelectorAll("input, button").forEach(function (control) { control.disabled = false; });
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
