/* An official text's full text (render/toan_van.py): beside every Điều, mục, khoản and điểm — each
   element with an id in the section — a "Chép liên kết" button that copies the address of that
   place, puts it in the address bar and says so where the reader is looking. Loaded only on
   pages with a full text; without JavaScript the headings' own ¶ permalinks remain. */
(function () {
  "use strict";

  var section = document.querySelector(".ht-toan-van");
  if (!section) return;
  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 ' +
    '5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 ' +
    '0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 ' +
    '5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 ' +
    '1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 ' +
    '0 0 1 0-1.42"/></svg>';
  var label = section.getAttribute("data-ht-copy");
  var status = document.createElement("div");
  status.className = "ht-copy-status";
  status.setAttribute("role", "status");
  status.hidden = true;
  document.body.appendChild(status);
  var hideLater = null;

  function say(text, address) {
    status.textContent = text;
    if (address) {  /* copying failed: the address to copy by hand, selected */
      var field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.value = address;
      field.setAttribute("aria-label", text);
      status.appendChild(field);
      field.select();
    }
    status.hidden = false;
    clearTimeout(hideLater);
    hideLater = setTimeout(function () { status.hidden = true; }, address ? 15000 : 4000);
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
    area.className = "ht-copy-source";
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
    button.className = "ht-copy-link";
    button.title = label;
    button.setAttribute("aria-label", label);
    button.innerHTML = ICON;
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
