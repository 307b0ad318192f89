/* Servicebook: sortable, filterable tables without a server.
 *
 * Progressive enhancement: a table inside <div class="sb-filter"> gets a filter bar
 * (one drop-down per column named in data-filter-columns, default Status, Group and
 * Priority, plus a text box) and sortable column headers. Without this script the
 * page shows the same table, complete and readable. Loads nothing, sends nothing.
 */
(function () {
  "use strict";

  var DEFAULT_COLUMNS = ["Status", "Group", "Priority"];

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function makeSelect(label, values, onChange) {
    var wrapper = document.createElement("label");
    wrapper.className = "sb-filter-field";
    wrapper.appendChild(document.createTextNode(label + " "));
    var select = document.createElement("select");
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "all";
    select.appendChild(all);
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value || "(empty)";
      select.appendChild(option);
    });
    select.addEventListener("change", onChange);
    wrapper.appendChild(select);
    return { wrapper: wrapper, select: select };
  }

  function enhance(container) {
    if (container.getAttribute("data-sb-enhanced")) return;
    container.setAttribute("data-sb-enhanced", "yes");
    var wanted = (container.getAttribute("data-filter-columns") || "").split(",")
      .map(function (name) { return name.trim(); })
      .filter(function (name) { return name; });
    if (!wanted.length) wanted = DEFAULT_COLUMNS;
    Array.prototype.forEach.call(container.querySelectorAll("table"), function (table) {
      enhanceTable(container, table, wanted);
    });
  }

  function enhanceTable(container, table, wanted) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body || !head.rows.length) return;
    var headers = Array.prototype.slice.call(head.rows[0].cells);
    var rows = Array.prototype.slice.call(body.rows);
    var filters = [];
    var bar = document.createElement("div");
    bar.className = "sb-filter-bar";
    bar.setAttribute("role", "search");
    headers.forEach(function (th, index) {
      var name = th.textContent.trim();
      if (wanted.indexOf(name) === -1) return;
      var seen = {};
      rows.forEach(function (row) { seen[cellText(row, index)] = true; });
      var values = Object.keys(seen).sort();
      var made = makeSelect(name, values, apply);
      made.select.setAttribute("data-column", String(index));
      filters.push({ index: index, select: made.select });
      bar.appendChild(made.wrapper);
    });
    var textLabel = document.createElement("label");
    textLabel.className = "sb-filter-field";
    textLabel.appendChild(document.createTextNode("Contains "));
    var text = document.createElement("input");
    text.type = "search";
    text.placeholder = "words in any column";
    text.addEventListener("input", apply);
    textLabel.appendChild(text);
    bar.appendChild(textLabel);
    var count = document.createElement("span");
    count.className = "sb-filter-count";
    count.setAttribute("aria-live", "polite");
    bar.appendChild(count);
    var anchor = table.closest(".md-typeset__scrollwrap") || table;
    anchor.parentNode.insertBefore(bar, anchor);

    function apply() {
      var needle = text.value.toLowerCase().trim();
      var shown = 0;
      rows.forEach(function (row) {
        var visible = filters.every(function (f) {
          return !f.select.value || cellText(row, f.index) === f.select.value;
        });
        if (visible && needle) {
          visible = row.textContent.toLowerCase().indexOf(needle) !== -1;
        }
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " shown";
    }

    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sb-sort";
      button.title = "Sort by this column";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var sorted = rows.slice().sort(function (a, b) {
          var order = cellText(a, index).localeCompare(cellText(b, index), undefined, {
            numeric: true,
            sensitivity: "base"
          });
          return ascending ? order : -order;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
    apply();
    container.classList.add("sb-filter--ready");
  }

  function enhanceAll() {
    Array.prototype.forEach.call(document.querySelectorAll("div.sb-filter"), enhance);
  }

  // Material's instant loading (when enabled) swaps pages without a load event.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(enhanceAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
