// vcsim workshop page: plain JavaScript, no build step, no network but
// this computer's vcsim server. Every text that comes from a file (names,
// ids, messages) is put on the page as text (textContent), never as HTML;
// the charts' SVG is parsed as SVG and stripped of scripts and handlers.
"use strict";
// Labels come from vcsim's message catalogue (lang), keys "ui.*".
let M = {};
const params = new URLSearchParams(location.search);
let lang = "en";
const token = params.get("token") || "";
const $ = (id) => document.getElementById(id);
const t = (k) => M["ui." + k] || M[k] || k;
// Numbers and percentages by the CLDR rules of the page's language, as the
// server's lang.Number and lang.Percent write them: "1,234.5" and "66.6%";
// "1 234,5" and "66,6 %" (no-break spaces) in Russian.
const fmt = (x, d = 0) => (x === null || x === undefined || x === "" || !isFinite(x)) ? t("na") :
  Number(x).toLocaleString(lang === "ru" ? "ru-RU" : "en-GB", {maximumFractionDigits: d, minimumFractionDigits: d, signDisplay: "negative"});
const pct = (x) => (x === null || x === undefined || x === "" || !isFinite(x)) ? t("na") :
  Number(x).toLocaleString(lang === "ru" ? "ru-RU" : "en-GB", {style: "percent", maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: "negative"});

// el makes an element with properties and children (strings become text).
function el(tag, props, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("data-") || k.startsWith("aria-") || k === "for" || k === "role") e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of kids.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

// svgNode parses a chart's SVG and returns its element, without scripts,
// event handlers or links (the CSP forbids them anyway).
function svgNode(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (!root || root.nodeName !== "svg") return document.createTextNode("");
  root.querySelectorAll("script,foreignObject,a,iframe").forEach(x => x.remove());
  for (const e of [root, ...root.querySelectorAll("*")])
    for (const a of [...e.attributes]) if (/^on/i.test(a.name) || /href/i.test(a.name)) e.removeAttribute(a.name);
  return document.importNode(root, true);
}

async function setLang(l) {
  M = await api("/api/messages?lang=" + l);
  lang = l; localStorage.setItem("vcsim.lang", l); document.documentElement.lang = l;
  document.querySelectorAll("[data-t]").forEach(e => e.textContent = t(e.dataset.t));
  document.querySelectorAll("[data-tp]").forEach(e => e.placeholder = t(e.dataset.tp));
  document.querySelectorAll("[data-tl]").forEach(e => e.setAttribute("aria-label", t(e.dataset.tl)));
  $("en").classList.toggle("on", l === "en"); $("ru").classList.toggle("on", l === "ru");
  $("en").setAttribute("aria-pressed", l === "en"); $("ru").setAttribute("aria-pressed", l === "ru");
}

// help fills the Help tab's list with the built-in docs (vcsim docs) in
// the page's language and shows the chosen one as plain text.
async function help() {
  const want = $("helptopic").value || "facilitator";
  const list = await api("/api/docs?lang=" + lang);
  $("helptopic").replaceChildren(...list.map(t => el("option", {value: t.topic}, t.title)));
  $("helptopic").value = list.some(t => t.topic === want) ? want : list[0].topic;
  await helpText();
}
async function helpText() {
  const blocks = await api("/api/docs/" + encodeURIComponent($("helptopic").value) + "/blocks?lang=" + lang);
  $("helptext").replaceChildren(...blocks.map(docBlock));
}
// docBlock builds a block of a topic (docs.Blocks: heading, paragraph,
// list, code, table) as elements whose text is set as text only.
function docBlock(b) {
  const spans = (list) => (list || []).map(s => s.c ? el("code", {}, s.t) : s.b ? el("strong", {}, s.t) : s.i ? el("em", {}, s.t) : s.t);
  switch (b.kind) {
    case "h": return el("h" + Math.min(Math.max(b.level + 1, 2), 6), {}, spans(b.text));
    case "ul": case "ol": {
      const top = el(b.kind, b.kind === "ol" && b.start > 1 ? {start: b.start} : {});
      let sub = null;
      for (const it of b.items) {
        if (it.depth && top.lastElementChild) {
          if (!sub) { sub = el("ul"); top.lastElementChild.append(sub); }
          sub.append(el("li", {}, spans(it.text)));
        } else { sub = null; top.append(el("li", {}, spans(it.text))); }
      }
      return top;
    }
    case "code": return el("pre", {}, el("code", {}, b.code));
    case "table": {
      const row = (cells, tag) => el("tr", {}, cells.map(c => el(tag, {}, spans(c))));
      return el("div", {class: "tablewrap"}, el("table", {},
        b.head ? el("thead", {}, row(b.head, "th")) : null,
        el("tbody", {}, (b.rows || []).map(r => row(r, "td")))));
    }
    default: return el("p", {}, spans(b.text));
  }
}
async function api(path, opts = {}) {
  opts.headers = Object.assign({"X-Vcsim-Token": token, "X-Vcsim-Lang": lang}, opts.headers || {});
  if (opts.body !== undefined && !opts.headers["Content-Type"]) opts.headers["Content-Type"] = "application/toml";
  const r = await fetch(path, opts);
  let j;
  try { j = await r.json(); } catch (e) { j = {error: r.status + " " + r.statusText}; }
  if (!r.ok) { j.status = r.status; throw j; }
  return j;
}
const post = (path, obj) => api(path, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(obj)});
// clientId names this tab to the server, which drops a What if? request
// of it that a newer one replaces.
const clientId = Math.random().toString(36).slice(2) + Date.now().toString(36);
const errText = (e) => (e && (e.problems || [e.error || String(e)]).join("\n")) || "";

// busy runs f with the button disabled and marked busy (aria-busy), so a
// room sees that something is being computed.
async function busy(button, f) {
  button.disabled = true; button.classList.add("busy"); button.setAttribute("aria-busy", "true");
  try { return await f(); } finally { button.disabled = false; button.classList.remove("busy"); button.removeAttribute("aria-busy"); }
}

function problems(e) {
  const ul = $("problems"); ul.replaceChildren();
  const list = e ? (e.problems || [e.error || String(e)]) : [t("ok")];
  list.forEach(p => ul.append(el("li", {class: e ? "" : "good"}, p)));
  // Each problem also goes next to the field of its line in the tables.
  // (A value refused at its field keeps its message until it is changed.)
  document.querySelectorAll("#fieldtables input:not([data-refused]), #fieldtables select:not([data-refused])").forEach(x => fieldMsg(x, ""));
  if (e) for (const p of list) {
    const m = /:(\d+):/.exec(p); if (!m) continue;
    const input = document.querySelector('#fieldtables [data-line="' + m[1] + '"]'); if (!input) continue;
    fieldMsg(input, p.replace(/^[^:]*:\d+:\s*/, ""));
  }
}
function fieldMsg(input, msg, refused) {
  if (refused) input.dataset.refused = "1"; else delete input.dataset.refused;
  input.classList.toggle("bad", !!msg);
  if (msg) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  input.parentElement.querySelector(".fieldmsg").textContent = msg;
}

// Results that no longer match the text are marked stale until the next
// run; a new chain clears them.
function stale(panel, yes) {
  $(panel).classList.toggle("stale", yes);
  $(panel + "stale").hidden = !yes;
}
// tablesStale marks the chain's tables as showing a text that is no
// longer in the box (the text was typed or pasted over): greyed, with a
// note, and not editable, since an edit would be written into a chain the
// tables do not show. They follow the text a moment after typing stops,
// and at once on Check or Run.
function tablesStale(yes) {
  $("fieldtables").classList.toggle("stale", yes);
  $("tablesstale").hidden = !yes;
  document.querySelectorAll("#fieldtables input, #fieldtables select, #addforms input, #addforms select, #addforms button").forEach(x => x.disabled = yes);
}
// scenOther flags scenarios that were written for another chain (a chain
// opened or imported without its -scenarios.toml); null clears the flag.
function scenOther(name) {
  $("scenother").hidden = !name; $("scenother").dataset.name = name || "";
  $("scenother").textContent = name ? t("scen.other").replace("%s", name) : "";
}
function clearResults() {
  compared = null;
  $("comparison").replaceChildren(); $("scencharts").replaceChildren();
  stale("scenarios", false);
}

// The chain in tables: every value of the file, by actor and link; a
// change is written into the text by the server (comments kept), then
// checked and run.
let actorIds = [], householdIds = [], actorNames = {};
// choices are the words a key of the chain's tables takes, with the
// prefix of their labels in the catalogue: a drop-down in the page's
// language instead of a box for a code (QA 41).
const choices = {
  kind: ["kind.", ["household", "enterprise", "service"]],
  stage: ["stage.", ["input", "production", "collection", "processing", "trade", "export", "retail"]],
  final_market: ["market.", ["domestic", "export"]],
};
// fieldInput is the control of a field of the chain's tables: a drop-down
// for a key with a fixed list of words or a true/false value, else a box
// (numbers typed with the decimal keypad on phones).
function fieldInput(f, id) {
  const attrs = {id, "data-path": f.path, "data-line": f.line};
  let opts = null;
  if (choices[f.key] && choices[f.key][1].includes(f.value)) {
    opts = choices[f.key][1].map(v => [v, t(choices[f.key][0] + v) + " (" + v + ")"]);
  } else if (!f.text && (f.value === "true" || f.value === "false")) {
    opts = [["true", t("yes")], ["false", t("no")]];
  }
  if (opts) {
    const sel = el("select", attrs, ...opts.map(([v, label]) => el("option", {value: v}, label)));
    sel.value = f.value;
    return sel;
  }
  const input = el("input", Object.assign(attrs, {value: f.value}));
  if (!f.text) input.inputMode = "decimal";
  return input;
}
let tablesSeq = 0, tablesTimer = null;
async function renderTables() {
  clearTimeout(tablesTimer);
  const seq = ++tablesSeq, text = $("chaintext").value;
  let gs;
  try { gs = await api("/api/fields", {method: "POST", body: text}); } catch (e) {
    if (seq !== tablesSeq) return;
    $("fieldtables").textContent = t("tables.broken"); tablesStale(text !== $("chaintext").value); return;
  }
  if (seq !== tablesSeq) return; // a newer text was sent
  const box = $("fieldtables"); box.replaceChildren();
  actorIds = []; householdIds = []; actorNames = {};
  let n = 0;
  for (const g of gs) {
    const d = el("div", {class: "fieldgroup"});
    d.dataset.names = g.fields.filter(f => ["id", "name", "name_ru"].includes(f.key)).map(f => f.value.toLowerCase()).join("\n");
    if (g.fields.some(f => f.key === "id") && g.fields.some(f => f.path.startsWith("actor."))) {
      const id = g.fields.find(f => f.key === "id").value; actorIds.push(id);
      const nm = g.fields.find(f => f.key === (lang === "ru" ? "name_ru" : "name")) || g.fields.find(f => f.key === "name");
      actorNames[id] = nm ? nm.value : "";
      if (g.fields.some(f => f.key === "kind" && f.value === "household")) householdIds.push(id);
    }
    d.append(el("h4", {}, g.title === "chain" ? t("tables.chain") : g.title));
    const tb = el("table");
    for (const f of g.fields) {
      const id = "f" + (n++);
      const input = fieldInput(f, id);
      input.onchange = () => setField(input, f.path, input.value, f.value);
      tb.append(el("tr", {}, el("td", {}, el("label", {for: id}, keyLabel(f.key)), el("code", {class: "key"}, f.key)),
        el("td", {}, input, el("span", {class: "fieldmsg", role: "status"}), el("span", {class: "fieldwarn", role: "note"}))));
    }
    d.append(tb); box.append(d);
  }
  builderDefaults();
  formChoices(gs);
  showWarnings();
  tablesStale(text !== $("chaintext").value);
}

// The plausibility warnings of the last baseline run (numbers that are
// valid but look typed in the wrong unit): each goes next to the field of
// its key (by path; a key the tables do not show, by its first field, then
// by its line) and into the boxes above the tables and the figures.
let warnings = [];
function showWarnings() {
  document.querySelectorAll("#fieldtables .fieldwarn").forEach(x => x.textContent = "");
  document.querySelectorAll("#fieldtables .warned").forEach(x => x.classList.remove("warned"));
  for (const w of warnings) {
    const inputs = [...document.querySelectorAll("#fieldtables [data-path]")];
    const input = inputs.find(x => x.dataset.path === w.path) || inputs.find(x => x.dataset.path.startsWith(w.path + ".")) ||
      (w.line ? inputs.find(x => x.dataset.line === String(w.line)) : null);
    if (!input) continue;
    input.classList.add("warned");
    const span = input.parentElement.querySelector(".fieldwarn");
    span.textContent = (span.textContent ? span.textContent + "\n" : "") + "⚠ " + w.message + " (" + t("plausible") + ": " + w.plausible + "); " + w.hint;
  }
  for (const id of ["warnings", "basewarnings"]) {
    const box = $(id); if (!box) continue;
    box.hidden = warnings.length === 0;
    box.replaceChildren(el("p", {}, el("b", {}, t("warnings"))),
      el("ul", {}, warnings.map(w => el("li", {}, (w.line ? t("line").replace("%d", w.line) + ": " : "") + w.text))));
  }
}

// formChoices fills the add and remove forms' lists with the chain's
// actors, links, tasks and products.
function formChoices(gs) {
  document.querySelectorAll("select.actors").forEach(s => { const v = s.value; s.replaceChildren(...actorIds.map(id => el("option", {value: id}, id))); if (actorIds.includes(v)) s.value = v; });
  document.querySelectorAll("select.actorindex").forEach(s => { const v = s.value; s.replaceChildren(...actorIds.map((id, i) => el("option", {value: i}, id))); if (v) s.value = v; });
  const opts = [];
  for (const g of gs) for (const f of g.fields) {
    let m;
    if ((m = /^(actor\.\d+)\.id$/.exec(f.path))) opts.push([m[1], t("remove.actor") + " " + f.value]);
    else if ((m = /^(link\.\d+)\.from$/.exec(f.path))) opts.push([m[1], t("remove.link") + " " + g.title]);
    else if ((m = /^(actor\.\d+\.task\.\d+)\.name$/.exec(f.path))) opts.push([m[1], t("remove.task") + " " + g.title + ": " + f.value]);
    else if ((m = /^(actor\.\d+\.product\.\d+)\.id$/.exec(f.path))) opts.push([m[1], t("remove.product") + " " + g.title + ": " + f.value]);
  }
  $("removable").replaceChildren(...opts.map(([v, label]) => el("option", {value: v}, label)));
}

// A household group gets the household keys of the blank template, an
// enterprise a final market, so that the chain runs at once; the values
// are then changed in the tables.
const householdDefaults = {key: "household", value: "{ adults = 2.5, adult_days = 100, children_5_11 = 1.5, children_12_14 = 0.6, children_15_17 = 0.5, other_income = 0 }"};
async function tableEdit(op, path, values) {
  let r;
  try { r = await post("/api/table", {chain: $("chaintext").value, op, path, values}); }
  catch (e) { $("addmsg").className = "msg bad"; $("addmsg").textContent = errText(e); return false; }
  remember();
  $("chaintext").value = r.chain; $("addmsg").className = "msg"; $("addmsg").textContent = "";
  chainChanged(false);
  await renderTables();
  try { await api("/api/validate", {method: "POST", body: $("chaintext").value}); problems(null); runBaseline(); whatif(); } catch (e) { problems(e); }
  return true;
}
function addForm(form) {
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const values = [];
    let actor = null;
    for (const x of form.elements) {
      if (!x.name) continue;
      if (x.name === "actor") { actor = x.value; continue; }
      if (x.type === "checkbox") { values.push({key: x.name, value: String(x.checked)}); continue; }
      values.push({key: x.name, value: x.value, text: !!x.dataset.text});
    }
    let path = form.dataset.path;
    if (path === "task" || path === "product") { if (actor === null || actor === "") return; path = "actor." + actor + "." + path; }
    if (path === "actor") {
      const kind = form.elements.kind.value;
      if (kind === "household") values.push({key: "output_per_unit", value: "1000"}, householdDefaults);
      else values.push({key: "final_market", value: "domestic", text: true});
    }
    if (await tableEdit("add", path, values) && path === "actor") form.elements.id.value = "";
  };
}
// keyLabel names a key of the file in the page's language ("task.0.name":
// «Задача 1: Название»); a key the catalogue does not know keeps its name.
function keyLabel(key) {
  const parts = key.split("."), pre = [];
  for (let i = 0; i + 1 < parts.length; i++) {
    if (/^\d+$/.test(parts[i])) { if (pre.length) pre[pre.length - 1] += " " + (Number(parts[i]) + 1); continue; }
    pre.push(M["ui.key." + parts[i]] || parts[i]);
  }
  const last = parts[parts.length - 1], lab = M["ui.key." + last] || last;
  return pre.length ? pre.join(", ") + ": " + lab : lab;
}
// setField writes a value through the server; a value the key cannot hold
// (a word where a number goes) is refused at its field, in the page's
// language, and the text stays as it was.
async function setField(input, path, value, was) {
  if ($("fieldtables").classList.contains("stale")) return; // the tables show another text
  let r;
  try { r = await post("/api/set", {chain: $("chaintext").value, path: path, value: value}); }
  catch (e) { fieldMsg(input, errText(e).replace(/^[^:]*:\s*/, ""), true); return; }
  fieldMsg(input, "");
  remember();
  $("chaintext").value = r.chain;
  chainChanged(false);
  try { await api("/api/validate", {method: "POST", body: $("chaintext").value}); problems(null); } catch (e) { problems(e); stale("baseline", true); return; }
  runBaseline(); whatif();
}
// chainChanged marks results stale after the text changed; typed text
// also makes the tables stale until they are redrawn from it.
function chainChanged(typed) {
  stale("baseline", true); if (compared) stale("scenarios", true);
  if (typed) {
    stale("whatif", true); tablesStale(true);
    clearTimeout(tablesTimer); tablesTimer = setTimeout(renderTables, 800);
  }
}

function table(rows, cols, heads) {
  return el("div", {class: "scroll"}, el("table", {},
    el("thead", {}, el("tr", {}, heads.map(h => el("th", {scope: "col"}, h)))),
    el("tbody", {}, rows.map(r => el("tr", {}, cols.map(c => el("td", {}, typeof c === "function" ? c(r) : r[c])))))));
}

// baseCards shows the baseline's headline as the command line prints it:
// each figure with its unit, share or basis, a note that they are model
// estimates, and, when bands were run for this chain, the baseline's
// median and 90-percent interval in the final year. Every number is the
// server's; the page only formats it.
let baseline = null;
function baseCards() {
  if (!baseline) return;
  const a = baseline.answer, s = a.summary;
  const iv = bandsFor(baseline.chain, null);
  const cur = s.currency ? " " + s.currency : "";
  const range = (ind, f, unit) => { const x = iv && iv.find(v => v.run === 0 && v.indicator === ind); return x ? t("head.final").replace("%s", interval(x, f) + (unit || "")) : null; };
  const money = (x) => fmt(x) + cur;
  const items = [
    ["cl", fmt(s.children_in_child_labour), t("head.share").replace("%s", pct(s.child_labour_prevalence)), range("children_in_child_labour_final_year", fmt)],
    ["haz", fmt(s.children_in_hazardous_child_labour), t("head.share").replace("%s", pct(s.hazardous_child_labour_prevalence)), range("children_in_hazardous_child_labour_final_year", fmt)],
    ["income", money(a.mean_household_income), t("head.income"), range("mean_household_income_final_year", fmt, cur)],
    ["poor", pct(s.households_below_poverty_line_share), t("head.poor").replace("%s", fmt(s.households)), range("share_below_poverty_line_final_year", pct)]];
  $("headline").replaceChildren(...items.map(([k, v, unit, r]) => el("div", {class: "card", "data-key": k}, el("span", {}, t(k)), el("b", {}, v),
    el("span", {class: "unit"}, unit), r ? el("span", {class: "range"}, r) : null)));
  $("headnote").textContent = iv ? t("head.caveat.bands").replace("%d", bandsDone.draws) : t("head.caveat");
}
// interval writes a median and its 90-percent interval as the command
// line does: "1,640 (1,550–1,750)".
const interval = (x, f) => f(x.p50) + " (" + f(x.p05) + "–" + f(x.p95) + ")";
// bandsFor returns the intervals of the last bands run when it was made
// for this chain (and these scenarios, when scen is given), else null.
let bandsDone = null;
function bandsFor(chain, scen) {
  if (!bandsDone || bandsDone.chain !== chain || (scen !== null && bandsDone.scen !== scen)) return null;
  return bandsDone.intervals;
}
function cards(box, now, was, keys) {
  const items = [["cl", "children_in_child_labour", 0], ["haz", "children_in_hazardous_child_labour", 0],
    ["income", "mean_household_income", 0], ["poor", "share_below_poverty_line", "%"], ["cpcy", "cost_per_child_year", 0]]
    .filter(([k]) => !keys || keys.includes(k));
  box.replaceChildren(...items.map(([k, key, d]) => {
    const f = d === "%" ? pct : (x) => fmt(x, d);
    const w = was && was[key];
    return el("div", {class: "card"}, el("span", {}, t(k)), el("b", {}, f(now[key])),
      w !== null && w !== undefined ? el("span", {class: "was"}, t("was") + " " + f(w)) : null);
  }));
}

async function runBaseline() {
  const text = $("chaintext").value;
  try {
    const a = survey ? await post("/api/simulate", inputs({chain: text})) : await api("/api/simulate", {method: "POST", body: text});
    problems(null);
    warnings = a.warnings || []; showWarnings();
    baseline = {chain: text, answer: a}; baseCards();
    // Actors by their names in the page's language (an unnamed one by its
    // id, as the server gives it); the children an actor hires from
    // outside the groups are marked so.
    const name = (id) => id === "total" ? t("txt.chain") : (a.names && a.names[id] && (lang === "ru" ? a.names[id].name_ru : a.names[id].name)) || id;
    $("accounts").replaceChildren(table(a.accounts, [r => name(r.actor), r => fmt(r.value_added), r => pct(r.va_share || 0)], [t("actor"), t("va"), "%"]));
    $("childtable").replaceChildren(table(a.child_labour.filter(r => !r.sex || r.sex === "all"),
      [r => r.source === "hired" ? name(r.group) + ": " + t("group.hired").toLowerCase() : name(r.group), r => String(r.band).replace("-", "–"),
        r => fmt(r.working), r => fmt(r.child_labour), r => fmt(r.hazardous_child_labour)], [t("actor"), t("band"), t("working"), t("inCL"), t("hazardous")]));
    // Enrolment and the ILO/UCW four-way table (chains with school keys):
    // the chain's totals by band, girls' and boys' enrolment under each.
    const sch = (a.school || []).filter(r => r.group === "total");
    const share = (x) => x === null || x === undefined ? "" : pct(x);
    $("schoolhead").hidden = sch.length === 0;
    // The sex column only when the chain gives children by sex.
    const bySex = sch.some(r => r.sex !== "all");
    const cols = [r => String(r.band).replace("-", "–"), r => t("sex." + r.sex), r => fmt(r.children), r => share(r.enrolment_rate), r => share(r.work_only), r => share(r.work_and_study), r => share(r.study_only), r => share(r.neither)];
    const heads = [t("band"), t("sex"), t("children"), t("enrolment"), t("workonly"), t("workstudy"), t("studyonly"), t("neither")];
    $("schooltable").replaceChildren(...(sch.length ? [table(sch, cols.filter((_, i) => bySex || i !== 1), heads.filter((_, i) => bySex || i !== 1))] : []));
    stale("baseline", text !== $("chaintext").value);
    charts("basecharts", null);
  } catch (e) {
    problems(e);
    warnings = []; showWarnings();
    // Figures of a text that no longer runs are not shown as if current.
    baseline = null; $("headnote").textContent = "";
    $("headline").replaceChildren(el("p", {class: "warn"}, t("broken.results"))); $("accounts").replaceChildren(); $("childtable").replaceChildren(); $("schooltable").replaceChildren(); $("schoolhead").hidden = true; $("basecharts").replaceChildren();
    stale("baseline", false);
  }
}

let chartsSeq = {};
async function charts(id, scen, draws) {
  const seq = chartsSeq[id] = (chartsSeq[id] || 0) + 1;
  try {
    const cs = await api("/api/charts?lang=" + lang, {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify(inputs({scenarios: scen || "", draws: draws || 0}))});
    if (seq !== chartsSeq[id]) return; // a newer request was sent
    $(id).replaceChildren(...cs.filter(c => scen ? c.name.startsWith("scenario") || c.name.includes("income") || c.name.includes("cost") : true)
      .map(c => el("figure", {"data-chart": c.name}, svgNode(c.svg))));
    const map = $(id).querySelector('figure[data-chart="chain_map"]');
    if (map) {
      map.style.cursor = "pointer"; map.title = t("map.click"); map.tabIndex = 0; map.setAttribute("role", "button"); map.setAttribute("aria-label", t("map.click"));
      map.onclick = (ev) => editActor(ev.target.textContent || "");
      map.onkeydown = (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); editActor(actorIds[0] || ""); } };
    }
  } catch (e) { if (seq === chartsSeq[id]) $(id).replaceChildren(el("p", {class: "warn"}, errText(e))); }
}

// editActor opens the chain's tables at the actor whose box on the chain
// map holds the clicked text (a line of its name).
function editActor(text) {
  const s = text.trim().toLowerCase(); if (!s) return;
  const g = [...document.querySelectorAll("#fieldtables .fieldgroup")].find(x => x.dataset.names && x.dataset.names.split("\n").some(n => n.includes(s)));
  if (!g) return;
  showTab("chain");
  g.scrollIntoView({block: "center"}); g.classList.add("focus"); setTimeout(() => g.classList.remove("focus"), 3000);
  const i = g.querySelector("input"); if (i) i.focus();
}
let showTab = () => {};
const activeTab = () => (document.querySelector(".tab.on") || {}).dataset.tab;

function download(name, type, data) {
  const a = el("a", {href: URL.createObjectURL(data instanceof Blob ? data : new Blob([data], {type})), download: name}); a.click();
}

let compared = null;
// undo keeps the texts as they were before Load, Open or Add replaced
// them (typing has the browser's own undo).
const undo = [];
function remember() {
  if (!$("chaintext").value && !$("scentext").value) return;
  undo.push({chain: $("chaintext").value, scen: $("scentext").value});
  if (undo.length > 20) undo.shift();
  $("undo").disabled = false;
}
function undoLast() {
  const u = undo.pop(); if (!u) return;
  $("chaintext").value = u.chain; $("scentext").value = u.scen; scenOther(null);
  $("undo").disabled = undo.length === 0;
  clearResults(); renderTables(); runBaseline(); whatif();
}

let files = {}; // name -> version opened
async function listFiles() {
  let fs;
  try { fs = await api("/api/files"); } catch (e) { $("files").replaceChildren(el("option", {value: ""}, t("nofiles"))); return; }
  $("files").replaceChildren(...(fs.length ? fs.map(f => el("option", {value: f.name}, f.name)) : [el("option", {value: ""}, t("emptydir"))]));
  for (const f of fs) files[f.name] = files[f.name] || null;
}
async function openFile() {
  const name = $("files").value; if (!name) return;
  let f;
  try { f = await api("/api/files/" + encodeURIComponent(name)); } catch (e) { saveMsg(errText(e), true); return; }
  files[name] = f.version; $("savename").value = name;
  remember();
  if (name.endsWith("-scenarios.toml")) { $("scentext").value = f.text; scenOther(null); showTab("scenarios"); } else {
    $("chaintext").value = f.text;
    // A chain comes with its scenarios, X.toml with X-scenarios.toml, as
    // Load brings an example's; without them the scenarios of the chain
    // before are flagged as another chain's.
    const sn = name.replace(/\.toml$/, "") + "-scenarios.toml";
    let s = null;
    if (name.endsWith(".toml") && sn in files) try { s = await api("/api/files/" + encodeURIComponent(sn)); } catch (e) { s = null; }
    if (s) { files[sn] = s.version; $("scentext").value = s.text; scenOther(null); } else if ($("scentext").value.trim()) scenOther(name);
  }
  saveMsg(""); clearResults(); renderTables(); runBaseline(); whatif();
}
// survey is the household survey opened on the page ({name, text}), or
// null: every computation sends it with the chain, as --survey does.
let survey = null;
const inputs = (more) => Object.assign({chain: $("chaintext").value}, survey ? {survey: survey.text, survey_name: survey.name} : {}, more || {});
function setSurvey(s) {
  survey = s;
  $("surveybox").hidden = !s; $("surveyname").textContent = s ? s.name : "";
  clearResults(); runBaseline(); whatif();
}

// importFile opens a file chosen on this computer or dropped on the page
// as --chain reads it: a chain in TOML, an Excel workbook (its chain and
// scenarios) or a VCA4D study, checked by the server (/api/import) with
// its errors at their line, cell or JSON path in the page's language; a
// scenario file goes to the Scenarios tab. A TOML chain with mistakes is
// still put in the editor, to be corrected there.
const maxImport = 3 << 20; // the server reads 4 MiB; base64 adds a third
async function importFile(file) {
  if (!file) return;
  const name = file.name, low = name.toLowerCase();
  const say = (k, ...a) => { let m = t(k); for (const x of a) m = m.replace(/%[sd]/, x); return m; };
  if (low.endsWith(".csv")) {
    if (file.size > maxImport) { saveMsg(say("import.toolarge", name, maxImport >> 20), true); return; }
    setSurvey({name, text: await file.text()}); saveMsg(say("imported", name)); showTab("baseline"); return;
  }
  if (!/\.(toml|xlsx|json)$/.test(low)) { saveMsg(say("import.kind", name), true); return; }
  if (file.size > maxImport) { saveMsg(say("import.toolarge", name, maxImport >> 20), true); return; }
  if (low.endsWith("-scenarios.toml")) {
    remember(); $("scentext").value = await file.text(); scenOther(null); clearResults(); showTab("scenarios");
    saveMsg(say("imported", name)); return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  let r;
  try { r = await post("/api/import", {name, data: btoa(bin)}); } catch (e) {
    showTab("chain"); saveMsg("");
    if (low.endsWith(".toml")) { remember(); $("chaintext").value = new TextDecoder().decode(bytes); clearResults(); renderTables(); }
    problems(e); return;
  }
  remember();
  $("chaintext").value = r.chain;
  if (r.scenarios) { $("scentext").value = r.scenarios; scenOther(null); } else if ($("scentext").value.trim()) scenOther(name);
  showTab("chain"); problems(null); saveMsg(say("imported", name));
  clearResults(); renderTables(); runBaseline(); whatif();
}
function saveMsg(text, bad) { $("savemsg").className = bad ? "msg bad" : "msg"; $("savemsg").textContent = text; }
// saveFile saves what the open tab shows: the scenarios on the Scenarios
// tab (under a name ending in -scenarios.toml), the chain elsewhere.
async function saveFile() {
  let name = $("savename").value.trim(); if (!name) { saveMsg(t("save.noname"), true); return; }
  const scen = activeTab() === "scenarios";
  if (scen && !name.endsWith("-scenarios.toml")) { name = name.replace(/\.toml$/, "") + "-scenarios.toml"; $("savename").value = name; }
  if (!scen && name.endsWith("-scenarios.toml")) { saveMsg(t("save.scenname"), true); return; }
  if (!/\.(toml|csv)$/.test(name)) { name += ".toml"; $("savename").value = name; }
  const text = scen ? $("scentext").value : $("chaintext").value;
  try {
    const r = await api("/api/files/" + encodeURIComponent(name) + "?version=" + (files[name] || ""), {method: "PUT", body: text});
    files[name] = r.version; saveMsg(t("saved") + " " + name); listFiles();
  } catch (e) { saveMsg(errText(e), true); }
}

let catalogue = [];
function showType() {
  const iv = catalogue.find(x => x.ID === $("b_type").value); if (!iv) return;
  const ru = lang === "ru";
  $("b_doc").replaceChildren(el("b", {}, ru ? iv.NameRU || iv.Name : iv.Name), ": " + (ru ? iv.DescriptionRU || iv.Description : iv.Description),
    el("br"), el("i", {}, t("evidence") + ":"), " " + (iv.Evidence || []).map(e => e.Source + " (" + e.Year + "): " + (ru && e.FindingRU ? e.FindingRU : e.Finding)).join(" · "));
}
function fillTypes() {
  const v = $("b_type").value;
  $("b_type").replaceChildren(...catalogue.map(iv => el("option", {value: iv.ID}, (lang === "ru" ? iv.NameRU || iv.Name : iv.Name) + " (" + iv.ID + ")")));
  if (v) $("b_type").value = v;
}
// builderDefaults names the new scenario in the page's language and
// targets the chain's household groups, unless the user typed otherwise.
function builderDefaults() {
  if (!$("b_name").dataset.typed) $("b_name").value = t("scen.mine");
  if (!$("b_targets").dataset.typed) $("b_targets").value = householdIds.join(", ");
  // The codes a target may name, with the actors' names: a code typed
  // wrong is refused only at Compare.
  $("b_targets_hint").textContent = actorIds.length ? t("targets.codes") + ": " +
    actorIds.map(id => actorNames[id] ? id + " (" + actorNames[id] + ")" : id).join(", ") : "";
}
function addIntervention() {
  remember();
  const name = $("b_name").value.trim() || t("scen.mine");
  let text = $("scentext").value;
  if (!text.includes('name = ' + JSON.stringify(name))) text += "\n[[scenario]]\nname = " + JSON.stringify(name) + "\n";
  const targets = $("b_targets").value.split(",").map(x => x.trim()).filter(x => x).map(x => JSON.stringify(x)).join(", ");
  let iv = "  [[scenario.intervention]]\n  type = " + JSON.stringify($("b_type").value) + "\n  targets = [" + targets + "]\n  coverage = " +
    Number($("b_coverage").value) + "\n  start = " + Number($("b_start").value) + "\n";
  if ($("b_amount").value) iv += "  effect = { amount = " + Number($("b_amount").value) + " }\n";
  iv += "  cost = { per_adopter_per_year = " + Number($("b_cost").value || 0) + " }\n";
  // The new intervention goes at the end of its scenario.
  const at = text.indexOf('name = ' + JSON.stringify(name));
  const next = text.indexOf("\n[[scenario]]", at + 1);
  text = next < 0 ? text.replace(/\n*$/, "\n") + iv : text.slice(0, next + 1) + iv + text.slice(next + 1);
  $("scentext").value = text;
  if (compared) stale("scenarios", true);
}

// scenName is a scenario's name in the page's language.
const scenName = (r, i) => i === 0 ? t("baseline") : (lang === "ru" && compared && compared.names_ru && compared.names_ru[i - 1]) || r.scenario;
function showComparison() {
  if (!compared) return;
  // The chain's rows (group "all"), one per scenario; then, with two
  // groups or more, each scenario's rows per household group.
  const rows = compared.scenario_summary, all = rows.filter(r => r.group === "all");
  const at = (r) => all.findIndex(a => a.scenario === r.scenario);
  // With bands run for these texts, each figure is the median over the
  // draws with its 90-percent interval, as compare --draws prints it.
  const iv = bandsFor(compared.chain, compared.scen);
  const cell = (key, f) => (r) => {
    const x = iv && iv.find(v => v.run === all.indexOf(r) && v.indicator === key);
    return x ? interval(x, f) : f(r[key]);
  };
  const ratio = (x) => fmt(x, 2);
  const box = [table(all, [(r) => scenName(r, all.indexOf(r)), cell("children_in_child_labour_final_year", fmt),
    cell("children_in_hazardous_child_labour_final_year", fmt), cell("mean_household_income_final_year", fmt),
    cell("share_below_poverty_line_final_year", pct), cell("cost_per_child_year_avoided", fmt), cell("benefit_cost_ratio", ratio)],
  [t("scenario"), t("cl"), t("haz"), t("income"), t("poor"), t("cpcy"), t("bcr")])];
  box.push(el("p", {class: "muted", id: "cmpnote"}, iv ? t("cmp.bands").replace("%d", bandsDone.draws) : t("cmp.point")));
  const groups = rows.filter(r => r.group !== "all");
  if (groups.length > all.length) {
    const names = compared.groups || {};
    const gname = (r) => r.group === "hired" ? t("group.hired") : (names[r.group] && (lang === "ru" && names[r.group].name_ru || names[r.group].name)) || r.group;
    box.push(el("h3", {}, t("bygroup")), table(groups, [(r) => scenName(r, at(r)), gname,
      r => r.share_below_poverty_line_final_year === null ? "" : pct(r.share_below_poverty_line_final_year),
      r => fmt(r.children_in_child_labour_final_year), r => fmt(r.children_in_hazardous_child_labour_final_year)],
    [t("scenario"), t("group"), t("poorcash"), t("cl"), t("haz")]));
  }
  $("comparison").replaceChildren(...box);
}
async function compare() {
  await busy($("compare"), async () => {
    try {
      const scen = $("scentext").value, req = inputs({scenarios: scen});
      compared = await post("/api/compare", req);
      compared.chain = req.chain; compared.scen = scen;
      showComparison(); stale("scenarios", false);
      await charts("scencharts", $("scentext").value, 0);
      if ($("bands").checked) bands();
    } catch (e) { compared = null; $("comparison").replaceChildren(el("pre", {class: "warn"}, errText(e))); $("scencharts").replaceChildren(); stale("scenarios", false); }
  });
}

// bands streams the uncertainty bands: the fan and interval charts after
// the first 50 draws, redrawn as more arrive, with the count and a Stop
// button; a new Compare or Stop ends the stream.
let bandsCtl = null;
async function bands() {
  if (bandsCtl) bandsCtl.abort();
  const ctl = bandsCtl = new AbortController();
  const total = 200, bchain = $("chaintext").value, bscen = $("scentext").value;
  $("bandsbar").hidden = false; $("bandsstop").disabled = false;
  $("bandsmsg").textContent = t("bands.progress").replace("%d", 0).replace("%d", total);
  try {
    const r = await fetch("/api/bands?lang=" + lang, {method: "POST", signal: ctl.signal,
      headers: {"Content-Type": "application/json", "X-Vcsim-Token": token, "X-Vcsim-Lang": lang},
      body: JSON.stringify(inputs({scenarios: bscen, draws: total}))});
    if (!r.ok) { const e = await r.json().catch(() => ({})); $("bandsmsg").textContent = errText(e); return; }
    const reader = r.body.getReader(), dec = new TextDecoder();
    let buf = "";
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buf += dec.decode(value, {stream: true});
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i); buf = buf.slice(i + 1);
        if (!line.trim()) continue;
        const step = JSON.parse(line);
        if (step.error) { $("bandsmsg").textContent = step.error; continue; }
        for (const c of step.charts || []) {
          const fig = el("figure", {"data-chart": c.name, "data-draws": step.draws}, svgNode(c.svg));
          const old = $("scencharts").querySelector('figure[data-chart="' + c.name + '"]');
          if (old) old.replaceWith(fig); else $("scencharts").prepend(fig);
        }
        $("bandsmsg").textContent = t("bands.progress").replace("%d", step.draws).replace("%d", step.total);
        if (step.intervals && bandsCtl === ctl) { bandsDone = {chain: bchain, scen: bscen, draws: step.draws, intervals: step.intervals}; showComparison(); baseCards(); }
      }
    }
    if (bandsCtl === ctl) $("bandsmsg").textContent += " ✓";
  } catch (e) {
    if (e.name === "AbortError") { $("bandsmsg").textContent += " · " + t("bands.stopped"); } else $("bandsmsg").textContent = errText(e);
  } finally { if (bandsCtl === ctl) { bandsCtl = null; $("bandsstop").disabled = true; } }
}

let pending = false, inflight = false;
async function whatif() {
  // One request at a time: moves made meanwhile are folded into the next.
  if (inflight) { pending = true; return; }
  inflight = true;
  const levers = {};
  document.querySelectorAll(".sliders input").forEach(i => { levers[i.id] = Number(i.value); i.nextElementSibling.textContent =
    i.id === "transfer" ? fmt(i.value) : i.id === "coverage" || i.id === "premium" ? pct(i.value) : (i.value > 0 ? "+" : "") + pct(i.value); });
  const t0 = performance.now(), text = $("chaintext").value;
  try {
    const a = await api("/api/whatif", {method: "POST", headers: {"Content-Type": "application/json", "X-Vcsim-Client": clientId},
      body: JSON.stringify(inputs({chain: text, levers}))});
    cards($("whatifcards"), a.what_if, a.baseline);
    stale("whatif", text !== $("chaintext").value);
    const ms = Math.round(performance.now() - t0);
    $("latency").textContent = t("ms").replace("%d", ms); $("latency").dataset.ms = ms;
  } catch (e) { if (e.status !== 409) { $("whatifcards").replaceChildren(el("pre", {class: "warn"}, errText(e))); stale("whatif", false); } }
  inflight = false;
  if (pending) { pending = false; whatif(); }
}

async function load() {
  const a = await api("/api/examples/" + $("example").value);
  remember();
  // An example comes without the survey of another chain.
  survey = null; $("surveybox").hidden = true; $("surveyname").textContent = "";
  $("chaintext").value = a.chain; $("scentext").value = a.scenarios; scenOther(null);
  clearResults(); renderTables(); runBaseline(); whatif();
}

// join shows the addresses the room's phones open and their QR code (the
// server has them in wifi mode only).
async function join() {
  let j;
  try { j = await api("/api/join"); } catch (e) { return; }
  if (!j.urls.length) return;
  $("joinbtn").hidden = false;
  $("joinurls").replaceChildren(...j.urls.map(u => el("li", {}, el("code", {}, u))));
  $("joinqr").replaceChildren(svgNode(j.qr));
}

async function init() {
  let cfg = {};
  try { cfg = await api("/api/config"); } catch (e) { /* an older server */ }
  // The address's ?lang= first, then the server's --lang, then the last
  // choice made on this browser.
  await setLang(params.get("lang") || cfg.lang || localStorage.getItem("vcsim.lang") || "en");
  const relang = async (l) => {
    await setLang(l); for (const o of $("example").options) o.textContent = o.dataset[l] || o.textContent;
    listFiles(); fillTypes(); showType(); builderDefaults(); saveMsg(""); scenOther($("scenother").dataset.name || null); if ($("chaintext").value) renderTables();
    if ($("chaintext").value) { runBaseline(); whatif(); }
    if ($("help").classList.contains("on")) help();
    if (compared) { showComparison(); await charts("scencharts", $("scentext").value, 0); if ($("bands").checked) bands(); }
  };
  $("en").onclick = () => relang("en"); $("ru").onclick = () => relang("ru");
  const show = showTab = (name) => {
    document.querySelectorAll(".tab,.panel").forEach(x => { x.classList.remove("on"); if (x.classList.contains("tab")) x.setAttribute("aria-selected", "false"); });
    const tab = document.querySelector('.tab[data-tab="' + name + '"]'); tab.classList.add("on"); tab.setAttribute("aria-selected", "true"); $(name).classList.add("on");
  };
  $("helptopic").onchange = () => helpText();
  document.querySelectorAll(".tab").forEach(b => b.onclick = () => { show(b.dataset.tab); if (b.dataset.tab === "help") help(); history.replaceState(null, "", location.search + "#" + b.dataset.tab); });
  if (location.hash && $(location.hash.slice(1)) && document.querySelector('.tab[data-tab="' + location.hash.slice(1) + '"]')) show(location.hash.slice(1));
  const ex = await api("/api/examples");
  const want = params.get("example");
  for (const e of ex) { const o = el("option", {value: e.Name}, lang === "ru" ? e.TitleRU : e.Title); o.dataset.en = e.Title; o.dataset.ru = e.TitleRU; o.selected = e.Name === (want || "cotton-tajikistan"); $("example").append(o); }
  $("load").onclick = load; $("undo").onclick = undoLast; $("run").onclick = () => { renderTables(); runBaseline(); whatif(); }; $("compare").onclick = compare;
  $("open").onclick = openFile; $("save").onclick = saveFile; listFiles();
  $("surveyoff").onclick = () => setSurvey(null);
  $("importfile").onchange = () => { const f = $("importfile").files[0]; $("importfile").value = ""; importFile(f); };
  // A file dropped anywhere on the page is opened, not typed into a text
  // box nor opened by the browser in place of the page.
  document.addEventListener("dragover", (ev) => { if (ev.dataTransfer && [...ev.dataTransfer.types].includes("Files")) ev.preventDefault(); });
  document.addEventListener("drop", (ev) => { if (!ev.dataTransfer || !ev.dataTransfer.files.length) return; ev.preventDefault(); importFile(ev.dataTransfer.files[0]); });
  $("chaintext").addEventListener("input", () => chainChanged(true));
  $("scentext").addEventListener("input", () => { if (compared) stale("scenarios", true); });
  $("b_name").addEventListener("input", () => $("b_name").dataset.typed = "1");
  $("b_targets").addEventListener("input", () => $("b_targets").dataset.typed = "1");
  catalogue = await api("/api/guide");
  fillTypes();
  $("b_type").onchange = showType; showType(); $("b_add").onclick = addIntervention;
  $("dlscen").onclick = () => download(($("savename").value.replace(/(-scenarios)?\.toml$/, "") || "workshop") + "-scenarios.toml", "application/toml", $("scentext").value);
  // The comparison as the zip has it: the page's language's separators,
  // decimal mark and BOM, so Excel opens it in columns.
  $("dlcsv").onclick = () => busy($("dlcsv"), async () => {
    const r = await fetch("/api/comparison.csv?lang=" + lang, {method: "POST", headers: {"Content-Type": "application/json", "X-Vcsim-Token": token},
      body: JSON.stringify(inputs({scenarios: $("scentext").value}))});
    if (r.ok) download("scenario_summary.csv", "text/csv", await r.blob()); else $("comparison").prepend(el("p", {class: "warn"}, errText(await r.json().catch(() => ({})))));
  });
  $("report").onclick = () => busy($("report"), async () => { const r = await fetch("/api/report?lang=" + lang, {method: "POST", headers: {"Content-Type": "application/json", "X-Vcsim-Token": token},
    body: JSON.stringify(inputs({scenarios: $("scentext").value}))}); if (r.ok) download("report.html", "text/html", await r.blob()); });
  $("export").onclick = () => busy($("export"), async () => { const r = await fetch("/api/export?lang=" + lang, {method: "POST", headers: {"Content-Type": "application/json", "X-Vcsim-Token": token},
    body: JSON.stringify(inputs({scenarios: $("scentext").value}))}); if (r.ok) download("vcsim-results.zip", "application/zip", await r.blob()); });
  $("validate").onclick = async () => { renderTables(); try { await api("/api/validate", {method: "POST", body: $("chaintext").value}); problems(null); } catch (e) { problems(e); } };
  $("download").onclick = () => download("chain.toml", "application/toml", $("chaintext").value);
  $("bandsstop").onclick = () => { if (bandsCtl) bandsCtl.abort(); };
  $("joinbtn").onclick = () => { const d = $("joindlg"); d.hidden = !d.hidden; };
  $("present").onclick = () => { document.body.classList.toggle("present"); $("present").setAttribute("aria-pressed", document.body.classList.contains("present")); };
  document.querySelectorAll(".sliders input").forEach(i => i.oninput = whatif);
  ["f_actor", "f_link", "f_task", "f_product"].forEach(id => addForm($(id)));
  $("f_remove").onsubmit = (ev) => { ev.preventDefault(); if ($("removable").value) tableEdit("remove", $("removable").value, []); };
  join();
  await load();
}
init();
