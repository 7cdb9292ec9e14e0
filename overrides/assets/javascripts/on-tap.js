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
