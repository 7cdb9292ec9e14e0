// Enhancement only: every screen works without it. A long form (an OCR import, a publish) says it is working.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const busy = form.dataset.busy && form.querySelector(".busy");
  if (busy) {
    busy.textContent = form.dataset.busy;
    form.querySelector("button[type=submit]").disabled = true;
  }
});
