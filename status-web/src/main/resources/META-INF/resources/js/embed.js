// Herald's embeddable widget: keeps the banner current without reloading the frame, since a reload would take the
// focus away from a keyboard or screen reader user on its link. Without this script, <noscript><meta refresh>
// reloads the widget instead.
(function () {
  "use strict";

  var box = document.getElementById("banner-box");
  if (!box || !window.fetch || !window.DOMParser) {
    return;
  }
  var seconds = parseInt(document.body.getAttribute("data-refresh-seconds"), 10) || 60;

  function copyText(from, id) {
    var source = from.getElementById(id);
    var target = document.getElementById(id);
    if (source && target && target.textContent !== source.textContent) {
      target.textContent = source.textContent;
    }
  }

  function copyAttribute(from, id, name) {
    var source = from.getElementById(id);
    var target = document.getElementById(id);
    if (source && target && source.getAttribute(name) !== null) {
      target.setAttribute(name, source.getAttribute(name));
    }
  }

  // The new widget is parsed, never inserted: only its text and a few attributes are copied over.
  function apply(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    copyAttribute(fresh, "banner-box", "data-indicator");
    copyAttribute(fresh, "banner-box", "href");
    copyAttribute(fresh, "banner-icon", "href");
    copyAttribute(fresh, "banner", "data-indicator");
    copyText(fresh, "banner");
    copyText(fresh, "embed-page");
  }

  function refresh() {
    // no-cache revalidates with the widget's ETag, so an unchanged status costs a 304.
    fetch(window.location.href, { cache: "no-cache", credentials: "omit" })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html) {
          apply(html);
        }
      })
      .catch(function () {
        // status-web unreachable: keep what is shown and try again at the next tick
      });
  }

  window.setInterval(refresh, seconds * 1000);
})();
