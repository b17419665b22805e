/*
 * Accessibility repairs for the admin's third-party widgets (WCAG 2.1 AA), loaded on every admin
 * page by templates/admin/base_site.html. The packages are left as installed: each repair works
 * on the markup they build.
 *
 * - jQuery UI's tabs (modeltranslation's language tabs): the tab (<li>) is the control, so the
 *   link jQuery UI leaves inside it would be a second, nested one; the tab is named by the
 *   language's full name.
 * - modeltranslation's language switch: taken out of the page's heading and given a label.
 * - select2 (autocomplete fields): the boxes and their search fields are named by the field's
 *   label; the "clear" cross is moved out of the list of chosen items (a list holds items only).
 * - SelectFilter2 (the two-box selector): its search icon is an image with a description.
 * - Controls in table cells (list-editable columns, tabular inlines) are named by their column's
 *   header and their row's object.
 * - A table that scrolls sideways can be reached and scrolled with the keyboard.
 *
 * Texts come from data attributes of this script's tag (translated by the template).
 */
"use strict";

(function () {
  const text = document.currentScript.dataset;

  function setAttribute(element, name, value) {
    // Only on change: a MutationObserver watches the page, and the repairs must come to rest.
    if (element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  }

  function isNamed(control) {
    return (
      control.labels?.length > 0 ||
      control.hasAttribute("aria-label") ||
      control.hasAttribute("aria-labelledby")
    );
  }

  function labelOf(id) {
    const label = id && document.querySelector(`label[for="${CSS.escape(id)}"]`);
    if (label && !label.id) {
      label.id = `${id}-label`;
    }
    return label;
  }

  // --- jQuery UI tabs: extended before modeltranslation builds them (on document ready). -----

  function extendTabs($) {
    if (!$?.ui?.tabs || $.ui.tabs.prototype._relacionsAccessible) {
      return;
    }
    $.widget("ui.tabs", $.ui.tabs, {
      _relacionsAccessible: true,
      _processTabs: function () {
        // jQuery UI finds its tabs and panels by the links' addresses: put them back first.
        this.element.find("a[data-tab-panel]").attr("href", function () {
          return this.dataset.tabPanel;
        });
        this._super();
        this.tabs.each(function () {
          const anchor = this.querySelector(".ui-tabs-anchor");
          const code = anchor.textContent.trim();
          setAttribute(this, "aria-label", anchor.title ? `${anchor.title} (${code})` : code);
          this.removeAttribute("aria-labelledby");
          anchor.dataset.tabPanel = anchor.getAttribute("href");
          anchor.removeAttribute("href");
          anchor.removeAttribute("tabindex");
        });
      },
      _isLocal: function (anchor) {
        // Every tab here shows a panel of the page: never load one from the server.
        return Boolean(anchor?.dataset.tabPanel) || this._super(anchor);
      },
    });
  }

  // --- Repairs of the markup, run again whenever the page changes. ---------------------------

  function languageSwitch() {
    const select = document.getElementById("modeltranslation-main-switch");
    if (!select || select.closest(".language-switch")) {
      return;
    }
    const wrapper = document.createElement("p");
    wrapper.className = "language-switch";
    const label = document.createElement("label");
    label.htmlFor = select.id;
    label.textContent = text.languageSwitchLabel;
    const heading = select.closest("h1");
    wrapper.append(label, " ", select);
    if (heading) {
      heading.after(wrapper);
    } else {
      document.getElementById("content")?.prepend(wrapper);
    }
  }

  function select2Widgets() {
    document.querySelectorAll("select.select2-hidden-accessible").forEach((select) => {
      const container = select.nextElementSibling;
      const label = labelOf(select.id);
      if (!label || !container?.classList.contains("select2-container")) {
        return;
      }
      const selection = container.querySelector(".select2-selection");
      const rendered = container.querySelector(".select2-selection__rendered");
      if (!selection || !rendered) {
        return;
      }
      if (selection.classList.contains("select2-selection--single")) {
        // The box reads "field: chosen value"; its inner text box is named by the field too.
        setAttribute(selection, "aria-labelledby", `${label.id} ${rendered.id}`);
        setAttribute(rendered, "aria-labelledby", label.id);
      } else {
        setAttribute(selection, "aria-labelledby", label.id);
        const search = container.querySelector(".select2-search__field");
        if (search) {
          setAttribute(search, "aria-labelledby", label.id);
        }
        const clear = rendered.querySelector(":scope > .select2-selection__clear");
        if (clear) {
          selection.insertBefore(clear, rendered);
        }
      }
    });
    // The search box of an open single-choice list, added to the end of the page.
    document.querySelectorAll(".select2-dropdown .select2-search__field").forEach((search) => {
      const results = search.getAttribute("aria-controls") || "";
      const label = labelOf(results.replace(/^select2-(.+)-results$/, "$1"));
      if (label) {
        setAttribute(search, "aria-labelledby", label.id);
      }
    });
  }

  function selectFilterIcons() {
    document.querySelectorAll(".help-tooltip[aria-label]:not(img)").forEach((icon) => {
      setAttribute(icon, "role", "img");
    });
  }

  function headerOf(holder) {
    const table = holder.closest("table");
    const field = [...holder.classList].find((name) => name.startsWith("field-"));
    const header = field
      ? table.querySelector(`thead th.column-${CSS.escape(field.slice("field-".length))}`)
      : table.querySelector("thead th:last-child");
    return header ? header.textContent.trim() : "";
  }

  function rowTitle(row) {
    const title = row.querySelector("th, td.original p");
    return title ? title.textContent.trim() : "";
  }

  function tableControls() {
    const controls = "input:not([type=hidden]), select, textarea";
    document
      .querySelectorAll(`#result_list td :is(${controls}), .tabular td :is(${controls})`)
      .forEach((control) => {
        if (isNamed(control)) {
          return;
        }
        // A cell, or the box modeltranslation makes of a cell it moves into a language tab.
        const holder = control.parentElement.closest("[class*='field-'], td.delete");
        const header = holder ? headerOf(holder) : "";
        const title = rowTitle(control.closest("tr"));
        const name = [header, title].filter(Boolean).join(": ");
        if (name) {
          setAttribute(control, "aria-label", name);
        }
      });
  }

  function scrollingTables() {
    document.querySelectorAll(".inline-group .wrapper, #changelist .results").forEach((box) => {
      if (box.scrollWidth <= box.clientWidth || box.hasAttribute("tabindex")) {
        return;
      }
      const heading = box.closest("fieldset")?.querySelector("h2[id]");
      setAttribute(box, "tabindex", "0");
      setAttribute(box, "role", "region");
      if (heading) {
        setAttribute(box, "aria-labelledby", heading.id);
      } else {
        setAttribute(box, "aria-label", document.title);
      }
    });
  }

  function repair() {
    languageSwitch();
    select2Widgets();
    selectFilterIcons();
    tableControls();
    scrollingTables();
  }

  new Set([window.jQuery, window.django?.jQuery]).forEach(extendTabs);

  let pending = false;
  function schedule() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        repair();
      });
    }
  }
  document.addEventListener("DOMContentLoaded", () => {
    repair();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  });
  window.addEventListener("load", schedule);
  window.addEventListener("resize", schedule);
})();
