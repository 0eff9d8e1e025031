// Herald live updates: keeps the page in step with /events, shows times in the reader's time zone and lets the
// uptime bars be read by keyboard. Without this script the page still works (it refreshes itself through
// <noscript><meta refresh>, and shows times in the page's time zone).
(function () {
  "use strict";

  if (!document.getElementById || !document.querySelectorAll) {
    return;
  }

  var ICONS = "/img/icons.svg#";
  var lang = document.documentElement.getAttribute("lang") || "en";
  // The reader's own variant of the page language (en-GB, fr-CA) formats dates the way they expect.
  var locale = navigator.language && navigator.language.split("-")[0] === lang ? navigator.language : lang;
  var lastIncidents = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function label(name) {
    var main = byId("main");
    return (main && main.getAttribute("data-l-" + name)) || name;
  }

  function setState(state) {
    var el = byId("live-state");
    if (!el) {
      return;
    }
    el.hidden = false;
    el.setAttribute("data-state", state);
    el.textContent = el.getAttribute("data-" + state) || state;
  }

  function setText(el, text) {
    if (el && el.textContent !== text) {
      el.textContent = text;
    }
  }

  // --- times in the reader's zone -------------------------------------------------------------
  var formatter = null;
  try {
    formatter = new Intl.DateTimeFormat(locale, {
      day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
    });
  } catch (e) {
    formatter = null;
  }

  function localise(root) {
    if (!formatter) {
      return;
    }
    var times = (root || document).querySelectorAll("time[data-local]");
    for (var i = 0; i < times.length; i++) {
      var iso = times[i].getAttribute("datetime");
      if (!iso) {
        continue;
      }
      var date = new Date(iso);
      if (!isNaN(date.getTime())) {
        setText(times[i], formatter.format(date));
        times[i].setAttribute("title", iso);
      }
    }
  }

  function setTime(el, stamp, unknown) {
    if (!el) {
      return;
    }
    el.setAttribute("datetime", stamp ? stamp.iso : "");
    setText(el, stamp ? stamp.text : (unknown || el.textContent));
    if (stamp) {
      el.setAttribute("data-local", "datetime");
    }
  }

  // --- uptime bars: one tab stop per bar, arrow keys move between days (roving tabindex) --------
  function onBarKey(event) {
    var day = event.target;
    if (!day.classList || !day.classList.contains("day")) {
      return;
    }
    var days = day.parentNode.querySelectorAll(".day");
    var index = Array.prototype.indexOf.call(days, day);
    var next = index;
    switch (event.key) {
      case "ArrowLeft": case "ArrowUp": next = Math.max(0, index - 1); break;
      case "ArrowRight": case "ArrowDown": next = Math.min(days.length - 1, index + 1); break;
      case "Home": next = 0; break;
      case "End": next = days.length - 1; break;
      case "PageUp": next = Math.max(0, index - 7); break;
      case "PageDown": next = Math.min(days.length - 1, index + 7); break;
      default: return;
    }
    event.preventDefault();
    if (next !== index) {
      day.setAttribute("tabindex", "-1");
      days[next].setAttribute("tabindex", "0");
      days[next].focus();
    }
  }

  function setUpBars() {
    var bars = document.querySelectorAll(".uptime-bar");
    for (var i = 0; i < bars.length; i++) {
      bars[i].addEventListener("keydown", onBarKey);
    }
  }

  // --- status ------------------------------------------------------------------------------------
  function setStatus(el, item) {
    el.setAttribute("data-status", item.status);
    setText(el.querySelector(".row .status-words"), item.words);
    var use = el.querySelector(".row .status use");
    if (use) {
      use.setAttribute("href", ICONS + item.status);
    }
  }

  // A stale component says so beside its status; the line exists only while it is stale (no weight on the page).
  function setStale(el, words) {
    var line = el.querySelector(".stale-words");
    if (!words) {
      if (line) {
        line.parentNode.removeChild(line);
      }
      return;
    }
    if (!line) {
      var row = el.querySelector(".row");
      line = element("p", "stale-words");
      el.insertBefore(line, row ? row.nextSibling : el.firstChild);
    }
    setText(line, words);
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) {
      el.className = className;
    }
    if (text !== undefined && text !== null) {
      el.textContent = text;
    }
    return el;
  }

  function timeElement(stamp) {
    var t = element("time", null, stamp.text);
    t.setAttribute("datetime", stamp.iso);
    t.setAttribute("data-local", "datetime");
    return t;
  }

  // Built with textContent only: user text never becomes markup.
  function incidentItem(incident) {
    var li = element("li", "incident");
    li.id = "incident-" + incident.id;
    li.setAttribute("data-impact", incident.impact);
    li.setAttribute("data-status", incident.status || "");
    var h3 = element("h3", "incident-name");
    var a = element("a", null, incident.name);
    a.setAttribute("href", (incident.scheduledFor ? "/maintenance/" : "/incidents/") + encodeURIComponent(incident.id));
    h3.appendChild(a);
    li.appendChild(h3);
    var meta = element("p", "incident-meta");
    meta.appendChild(element("span", "incident-status", incident.statusWords));
    if (incident.impactWords) {
      meta.appendChild(document.createTextNode(" \u00b7 "));
      meta.appendChild(element("span", "incident-impact", label("impact") + ": " + incident.impactWords));
    }
    li.appendChild(meta);
    if (incident.scheduledFor) {
      var windowEl = element("p", "incident-window", label("from") + " ");
      windowEl.appendChild(timeElement(incident.scheduledFor));
      if (incident.scheduledUntil) {
        windowEl.appendChild(document.createTextNode(" " + label("to") + " "));
        windowEl.appendChild(timeElement(incident.scheduledUntil));
      }
      li.appendChild(windowEl);
    }
    if (incident.latest) {
      var latest = element("div", "incident-latest");
      latest.appendChild(element("p", "update-body", incident.latest.body));
      if (incident.latest.at) {
        var at = element("p", "update-time", label("latest") + ": ");
        at.appendChild(timeElement(incident.latest.at));
        latest.appendChild(at);
      }
      li.appendChild(latest);
    }
    if (incident.components && incident.components.length) {
      li.appendChild(element("p", "incident-components", label("affected") + ": " + incident.components.join(", ")));
    }
    return li;
  }

  function renderList(sectionId, listId, incidents) {
    var section = byId(sectionId);
    var list = byId(listId);
    if (!section || !list) {
      return;
    }
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    for (var i = 0; i < incidents.length; i++) {
      list.appendChild(incidentItem(incidents[i]));
    }
    section.hidden = incidents.length === 0;
  }

  function signature(incident) {
    return incident.id + "|" + incident.status + "|" + (incident.latest ? incident.latest.body + "|" +
        (incident.latest.at ? incident.latest.at.iso : "") : "");
  }

  function announceIncidents(view) {
    var incidents = view.incidents || [];
    var seen = {};
    var now = incidents.map(signature);
    if (lastIncidents !== null) {
      for (var i = 0; i < lastIncidents.length; i++) {
        seen[lastIncidents[i]] = true;
      }
      var news = [];
      for (var j = 0; j < incidents.length; j++) {
        if (!seen[now[j]]) {
          news.push(incidents[j].name + ": " + incidents[j].statusWords);
        }
      }
      if (news.length) {
        setText(byId("announcer"), news.join(". "));
      }
    }
    var changed = lastIncidents === null || lastIncidents.join("\n") !== now.join("\n");
    lastIncidents = now;
    return changed;
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

    if (announceIncidents(view)) {
      renderList("incidents", "incident-list", view.incidents || []);
    }
    renderList("maintenances", "maintenance-list", view.maintenances || []);

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
        setStale(componentEl, component.staleWords);
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
    localise(document);
    return shown === view.services.length && document.querySelectorAll(".component").length === components;
  }

  function connect() {
    var source = new EventSource("/events?lang=" + encodeURIComponent(lang));
    source.addEventListener("open", function () {
      setState("live");
    });
    source.addEventListener("view", function (event) {
      setState("live");
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
      setState("reconnecting");
      if (source.readyState === EventSource.CLOSED) {
        window.setTimeout(connect, 5000);
      }
    });
  }

  function start() {
    localise(document);
    setUpBars();
    if (window.EventSource && byId("banner")) {
      connect();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
