// Enhancement only: every screen works without it. A long form (an import, a publish) says it is working.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const busy = form.dataset.busy && form.querySelector(".busy");
  if (busy) {
    busy.textContent = form.dataset.busy;
    form.querySelector("button[type=submit]").disabled = true;
  }
});

// An import being read: its progress asked every second (the page without script refreshes itself);
// when it is read, the screen is loaded again and shows the proposed fields.
document.addEventListener("DOMContentLoaded", () => {
  const job = document.querySelector("[data-status-url]");
  if (!job) return;
  const shown = job.querySelector(".progress");
  const ask = async () => {
    try {
      const answer = await (await fetch(job.dataset.statusUrl, {cache: "no-store"})).json();
      if (answer.xong) return location.reload();
      if (answer.chu && answer.chu !== shown.textContent) shown.textContent = answer.chu;
    } catch (error) { /* the desk is busy or restarting: ask again */ }
    setTimeout(ask, 1000);
  };
  setTimeout(ask, 1000);
});
