// Herald live updates: keeps the page in step with /events. Without this script the page still works
// (it refreshes itself through <noscript><meta refresh>).
(function () {
  "use strict";

  if (!window.EventSource || !document.getElementById) {
    return;
  }

  var ICONS = "/img/icons.svg#";

  function byId(id) {
    return document.getElementById(id);
  }

  function setState(state, words) {
    var el = byId("live-state");
    if (!el) {
      return;
    }
    el.hidden = false;
    el.setAttribute("data-state", state);
    el.textContent = words;
  }

  function setText(el, text) {
    if (el && el.textContent !== text) {
      el.textContent = text;
    }
  }

  function setTime(el, stamp) {
    if (!el) {
      return;
    }
    el.setAttribute("datetime", stamp ? stamp.iso : "");
    setText(el, stamp ? stamp.text : "unknown");
  }

  function setStatus(el, item) {
    el.setAttribute("data-status", item.status);
    setText(el.querySelector(".row .status-words"), item.words);
    var use = el.querySelector(".row .status use");
    if (use) {
      use.setAttribute("href", ICONS + item.status);
    }
  }

  // Returns false when the page lacks an element the view has: the catalog changed, reload instead.
  function apply(view) {
    var banner = byId("banner");
    var box = byId("banner-box");
    var icon = byId("banner-icon");
    if (!banner || !box) {
      return false;
    }
    setText(byId("page-name"), view.pageName);
    setText(banner, view.banner);
    banner.setAttribute("data-indicator", view.indicator);
    box.setAttribute("data-indicator", view.indicator);
    if (icon) {
      icon.setAttribute("href", ICONS + "indicator-" + view.indicator);
    }
    var stale = byId("stale");
    if (stale) {
      setText(stale, view.staleNotice || "");
      stale.hidden = !view.staleNotice;
    }
    setTime(byId("last-updated"), view.updated);

    var shown = document.querySelectorAll(".service").length;
    var components = 0;
    for (var i = 0; i < view.services.length; i++) {
      var service = view.services[i];
      var serviceEl = byId("service-" + service.id);
      if (!serviceEl) {
        return false;
      }
      setStatus(serviceEl, service);
      for (var j = 0; j < service.components.length; j++) {
        var component = service.components[j];
        var componentEl = byId("component-" + component.id);
        if (!componentEl) {
          return false;
        }
        components++;
        setStatus(componentEl, component);
        var detail = componentEl.querySelector(".detail");
        if (detail) {
          setText(detail, component.detail || "");
          detail.hidden = !component.detail;
        }
        var since = componentEl.querySelector(".since");
        if (since) {
          setTime(since.querySelector("time"), component.since);
          since.hidden = !component.since;
        }
      }
    }
    return shown === view.services.length && document.querySelectorAll(".component").length === components;
  }

  function connect() {
    var source = new EventSource("/events");
    source.addEventListener("open", function () {
      setState("live", "Live");
    });
    source.addEventListener("view", function (event) {
      setState("live", "Live");
      var view;
      try {
        view = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (!apply(view)) {
        window.location.reload();
      }
    });
    source.addEventListener("error", function () {
      // EventSource retries by itself while CONNECTING; CLOSED means it gave up (for example a 5xx).
      setState("reconnecting", "Reconnecting\u2026");
      if (source.readyState === EventSource.CLOSED) {
        window.setTimeout(connect, 5000);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", connect);
  } else {
    connect();
  }
})();
