/* An official text's full text (render/toan_van_section.py): beside every Điều, mục, khoản and điểm — each
   element with an id in the section — a "Chép liên kết" button that copies the address of that
   place, puts it in the address bar and says so in Material's own dialog at the foot of the screen.
   Loaded only on pages with a full text; no stylesheet of its own (Material's icon and dialog styles;
   the rest set through the CSSOM, which the site's style-src 'self' allows). Without JavaScript the
   headings' ¶ permalinks remain. */
(function () {
  "use strict";

  var section = document.querySelector(".ht-toan-van");
  var dialog = document.querySelector("[data-md-component=dialog]");
  if (!section || !dialog) return;
  var inner = dialog.querySelector(".md-dialog__inner") || dialog;
  var ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 ' +
    '5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 ' +
    '0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 ' +
    '5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 ' +
    '1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 ' +
    '0 0 1 0-1.42"/></svg>';
  var label = section.getAttribute("data-ht-copy");
  var hideLater = null;
  dialog.setAttribute("role", "status");

  function say(text, address) {
    inner.textContent = text;
    if (address) {  /* copying failed: the address to copy by hand, selected */
      var field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.value = address;
      field.setAttribute("aria-label", text);
      field.style.display = "block";
      field.style.width = "100%";
      inner.appendChild(field);
      field.select();
    }
    dialog.classList.add("md-dialog--active");
    clearTimeout(hideLater);
    hideLater = setTimeout(function () { dialog.classList.remove("md-dialog--active"); }, address ? 15000 : 4000);
  }

  /* The Clipboard API where the page may use it; the older copy command elsewhere (file://). */
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallback(text); });
    }
    return fallback(text);
  }

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-10em";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject();
  }

  section.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id], p[id]").forEach(function (target) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-icon ht-copy-link";
    button.title = label;
    button.setAttribute("aria-label", label);
    button.innerHTML = ICON;
    button.style.display = "inline-block";
    button.style.verticalAlign = "middle";
    button.style.marginLeft = "0.3em";
    button.style.color = "var(--md-default-fg-color--light)";
    button.style.cursor = "pointer";
    button.addEventListener("click", function () {
      var address = location.href.split("#")[0] + "#" + target.id;
      history.replaceState(null, "", "#" + target.id);
      copy(address).then(function () {
        say(section.getAttribute("data-ht-copied") + ": #" + target.id);
      }, function () {
        say(section.getAttribute("data-ht-copy-failed"), address);
      });
    });
    target.appendChild(button);
  });
})();
