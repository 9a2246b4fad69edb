// vcsim workshop page: plain JavaScript, no build step, no network but
// this computer's vcsim server.
"use strict";
// Labels come from vcsim's message catalogue (plots/lang), keys "ui.*".
let M = {};
let lang = localStorage.getItem("vcsim.lang") || new URLSearchParams(location.search).get("lang") || "en";
const token = new URLSearchParams(location.search).get("token") || "";
const $ = (id) => document.getElementById(id);
const t = (k) => M["ui." + k] || M[k] || k;
const fmt = (x, d = 0) => (x === null || x === undefined || !isFinite(x)) ? t("na") :
  Number(x).toLocaleString(lang === "ru" ? "ru-RU" : "en-GB", {maximumFractionDigits: d, minimumFractionDigits: d});
const pct = (x) => fmt(100 * x, 1) + "%";

async function setLang(l) {
  M = await api("/api/messages?lang=" + l);
  lang = l; localStorage.setItem("vcsim.lang", l); document.documentElement.lang = l;
  document.querySelectorAll("[data-t]").forEach(e => e.textContent = t(e.dataset.t));
  $("en").classList.toggle("on", l === "en"); $("ru").classList.toggle("on", l === "ru");
}

async function api(path, opts = {}) {
  opts.headers = Object.assign({"X-Vcsim-Token": token, "X-Vcsim-Lang": lang}, opts.headers || {});
  const r = await fetch(path, opts);
  const j = await r.json();
  if (!r.ok) throw j;
  return j;
}

function problems(e) {
  const ul = $("problems"); ul.innerHTML = "";
  const list = e ? (e.problems || [e.error || String(e)]) : [t("ok")];
  list.forEach(p => { const li = document.createElement("li"); li.textContent = p; if (!e) li.style.color = "#080"; ul.appendChild(li); });
  // Each problem also goes next to the field of its line in the tables.
  document.querySelectorAll("#fieldtables .fieldmsg").forEach(x => x.textContent = "");
  document.querySelectorAll("#fieldtables input").forEach(x => x.classList.remove("bad"));
  if (e) for (const p of list) {
    const m = /:(\d+):/.exec(p); if (!m) continue;
    const input = document.querySelector('#fieldtables input[data-line="' + m[1] + '"]'); if (!input) continue;
    input.classList.add("bad"); input.parentElement.querySelector(".fieldmsg").textContent = p.replace(/^[^:]*:\d+:\s*/, "");
  }
}

// The chain in tables: every value of the file, by actor and link; a
// change is written into the text by the server (comments kept), then
// checked and run.
async function renderTables() {
  let gs;
  try { gs = await api("/api/fields", {method: "POST", body: $("chaintext").value}); } catch (e) { $("fieldtables").textContent = t("tables.broken"); return; }
  const box = $("fieldtables"); box.innerHTML = "";
  for (const g of gs) {
    const d = document.createElement("div"); d.className = "fieldgroup";
    d.dataset.names = g.fields.filter(f => ["id", "name", "name_ru"].includes(f.key)).map(f => f.value.toLowerCase()).join("\n");
    const h = document.createElement("h4"); h.textContent = g.title === "chain" ? t("tables.chain") : g.title; d.appendChild(h);
    const tb = document.createElement("table");
    for (const f of g.fields) {
      const tr = document.createElement("tr");
      const k = document.createElement("td"); k.textContent = f.key; tr.appendChild(k);
      const v = document.createElement("td");
      const input = document.createElement("input"); input.value = f.value; input.dataset.path = f.path; input.dataset.line = f.line;
      input.onchange = () => setField(f.path, input.value);
      const msg = document.createElement("span"); msg.className = "fieldmsg";
      v.appendChild(input); v.appendChild(msg); tr.appendChild(v); tb.appendChild(tr);
    }
    d.appendChild(tb); box.appendChild(d);
  }
}
async function setField(path, value) {
  try {
    const r = await api("/api/set", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({chain: $("chaintext").value, path: path, value: value})});
    remember();
    $("chaintext").value = r.chain;
  } catch (e) { problems(e); return; }
  try { await api("/api/validate", {method: "POST", body: $("chaintext").value}); problems(null); } catch (e) { problems(e); return; }
  runBaseline(); whatif();
}

function table(rows, cols, heads) {
  let h = "<table><thead><tr>" + heads.map(x => "<th>" + x + "</th>").join("") + "</tr></thead><tbody>";
  for (const r of rows) h += "<tr>" + cols.map(c => "<td>" + (typeof c === "function" ? c(r) : r[c]) + "</td>").join("") + "</tr>";
  const d = document.createElement("div"); d.innerHTML = h + "</tbody></table>"; return d;
}

function cards(el, now, was) {
  const items = [["cl", now.children_in_child_labour, was && was.children_in_child_labour, 0],
    ["haz", now.children_in_hazardous_child_labour, was && was.children_in_hazardous_child_labour, 0],
    ["income", now.mean_household_income, was && was.mean_household_income, 0],
    ["poor", now.share_below_poverty_line, was && was.share_below_poverty_line, "%"],
    ["cpcy", now.cost_per_child_year, null, 0]];
  el.innerHTML = "";
  for (const [k, v, w, d] of items) {
    const c = document.createElement("div"); c.className = "card";
    const f = d === "%" ? pct : (x) => fmt(x, d);
    c.innerHTML = "<span>" + t(k) + "</span><b>" + f(v) + "</b>" + (w !== null && w !== undefined ? "<span class='was'>" + t("was") + " " + f(w) + "</span>" : "");
    el.appendChild(c);
  }
}

async function runBaseline() {
  try {
    const a = await api("/api/simulate", {method: "POST", headers: {"Content-Type": "application/toml"}, body: $("chaintext").value});
    problems(null);
    const s = a.summary;
    cards($("headline"), {children_in_child_labour: s.children_in_child_labour, children_in_hazardous_child_labour: s.children_in_hazardous_child_labour,
      share_below_poverty_line: s.households_below_poverty_line_share, mean_household_income: null, cost_per_child_year: null});
    $("accounts").replaceChildren(table(a.accounts, [r => r.actor === "total" ? t("txt.chain") : (lang === "ru" && r.name_ru) || r.name, r => fmt(r.value_added), r => pct(r.va_share || 0)], [t("actor"), t("va"), "%"]));
    $("childtable").replaceChildren(table(a.child_labour.filter(r => !r.sex || r.sex === "all"),
      ["group", "band", r => fmt(r.working), r => fmt(r.child_labour), r => fmt(r.hazardous_child_labour)], [t("actor"), t("band"), t("working"), t("inCL"), t("hazardous")]));
    charts("basecharts", null);
  } catch (e) { problems(e); }
}

async function charts(id, scen, draws) {
  try {
    const cs = await api("/api/charts?lang=" + lang, {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({chain: $("chaintext").value, scenarios: scen || "", draws: draws || 0})});
    $(id).innerHTML = cs.filter(c => scen ? c.name.startsWith("scenario") || c.name.includes("income") || c.name.includes("cost") : true)
      .map(c => "<figure data-chart='" + c.name + "'>" + c.svg + "</figure>").join("");
    const map = $(id).querySelector('figure[data-chart="chain_map"]');
    if (map) { map.style.cursor = "pointer"; map.title = t("map.click"); map.onclick = (ev) => editActor(ev.target.textContent || ""); }
  } catch (e) { $(id).textContent = ""; }
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

function download(name, type, data) {
  const a = document.createElement("a"); a.href = URL.createObjectURL(new Blob([data], {type})); a.download = name; a.click();
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
  $("chaintext").value = u.chain; $("scentext").value = u.scen;
  $("undo").disabled = undo.length === 0;
  renderTables(); runBaseline(); whatif();
}

let files = {}; // name -> version opened
async function listFiles() {
  let fs;
  try { fs = await api("/api/files"); } catch (e) { $("files").innerHTML = "<option value=''>" + t("nofiles") + "</option>"; return; }
  $("files").innerHTML = fs.length ? "" : "<option value=''>" + t("emptydir") + "</option>";
  for (const f of fs) { const o = document.createElement("option"); o.value = f.name; o.textContent = f.name; $("files").appendChild(o); files[f.name] = files[f.name] || null; }
}
async function openFile() {
  const name = $("files").value; if (!name) return;
  const f = await api("/api/files/" + encodeURIComponent(name));
  files[name] = f.version; $("savename").value = name;
  remember();
  if (name.endsWith("-scenarios.toml")) $("scentext").value = f.text; else $("chaintext").value = f.text;
  $("savemsg").textContent = ""; renderTables(); runBaseline(); whatif();
}
async function saveFile() {
  const name = $("savename").value.trim(); if (!name) return;
  const text = name.endsWith("-scenarios.toml") ? $("scentext").value : $("chaintext").value;
  try {
    const r = await api("/api/files/" + encodeURIComponent(name) + "?version=" + (files[name] || ""), {method: "PUT", body: text});
    files[name] = r.version; $("savemsg").className = "msg"; $("savemsg").textContent = t("saved"); listFiles();
  } catch (e) { $("savemsg").className = "msg bad"; $("savemsg").textContent = e.error || String(e); }
}

let catalogue = [];
function showType() {
  const iv = catalogue.find(x => x.ID === $("b_type").value); if (!iv) return;
  const ru = lang === "ru";
  $("b_doc").innerHTML = "<b>" + (ru ? iv.NameRU : iv.Name) + "</b>: " + (ru ? iv.DescriptionRU || iv.Description : iv.Description) +
    "<br><i>" + t("evidence") + ":</i> " + (iv.Evidence || []).map(e => e.Source + " (" + e.Year + "): " + (ru && e.FindingRU ? e.FindingRU : e.Finding)).join(" · ");
}
function addIntervention() {
  remember();
  const name = $("b_name").value.trim() || "My scenario";
  let text = $("scentext").value;
  if (!text.includes('name = ' + JSON.stringify(name))) text += "\n[[scenario]]\nname = " + JSON.stringify(name) + "\n";
  const targets = $("b_targets").value.split(",").map(x => JSON.stringify(x.trim())).join(", ");
  let iv = "  [[scenario.intervention]]\n  type = " + JSON.stringify($("b_type").value) + "\n  targets = [" + targets + "]\n  coverage = " +
    Number($("b_coverage").value) + "\n  start = " + Number($("b_start").value) + "\n";
  if ($("b_amount").value) iv += "  effect = { amount = " + Number($("b_amount").value) + " }\n";
  iv += "  cost = { per_adopter_per_year = " + Number($("b_cost").value || 0) + " }\n";
  // The new intervention goes at the end of its scenario.
  const at = text.indexOf('name = ' + JSON.stringify(name));
  const next = text.indexOf("\n[[scenario]]", at + 1);
  text = next < 0 ? text.replace(/\n*$/, "\n") + iv : text.slice(0, next + 1) + iv + text.slice(next + 1);
  $("scentext").value = text;
}

async function compare() {
  try {
    const a = await api("/api/compare", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({chain: $("chaintext").value, scenarios: $("scentext").value})});
    compared = a;
    charts("scencharts", $("scentext").value, $("bands").checked ? 200 : 0);
    $("comparison").replaceChildren(table(a.scenario_summary, ["scenario", r => fmt(r.children_in_child_labour_final_year),
      r => fmt(r.mean_household_income_final_year), r => pct(r.share_below_poverty_line_final_year), r => fmt(r.cost_per_child_year_avoided)],
      [t("scenario"), t("cl"), t("income"), t("poor"), t("cpcy")]));
  } catch (e) { $("comparison").textContent = (e.problems || [e.error]).join("\n"); }
}

let pending = null, busy = false;
async function whatif() {
  if (busy) { pending = true; return; }
  busy = true;
  const levers = {};
  document.querySelectorAll(".sliders input").forEach(i => { levers[i.id] = Number(i.value); i.nextElementSibling.textContent =
    i.id === "transfer" ? fmt(i.value) : i.id === "coverage" || i.id === "premium" ? pct(i.value) : (i.value > 0 ? "+" : "") + pct(i.value); });
  const t0 = performance.now();
  try {
    const a = await api("/api/whatif", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({chain: $("chaintext").value, levers})});
    cards($("whatifcards"), a.what_if, a.baseline);
    const ms = Math.round(performance.now() - t0);
    $("latency").textContent = t("ms").replace("%d", ms); $("latency").dataset.ms = ms;
  } catch (e) { $("whatifcards").textContent = (e.problems || [e.error]).join("\n"); }
  busy = false;
  if (pending) { pending = null; whatif(); }
}

async function load() {
  const a = await api("/api/examples/" + $("example").value);
  remember();
  $("chaintext").value = a.chain; $("scentext").value = a.scenarios;
  renderTables(); runBaseline(); whatif();
}

async function init() {
  await setLang(lang);
  const relang = async (l) => { await setLang(l); for (const o of $("example").options) o.textContent = o.dataset[l] || o.textContent; listFiles(); showType(); if ($("chaintext").value) { runBaseline(); whatif(); } };
  $("en").onclick = () => relang("en"); $("ru").onclick = () => relang("ru");
  const show = showTab = (name) => {
    document.querySelectorAll(".tab,.panel").forEach(x => x.classList.remove("on"));
    document.querySelector('.tab[data-tab="' + name + '"]').classList.add("on"); $(name).classList.add("on");
  };
  document.querySelectorAll(".tab").forEach(b => b.onclick = () => { show(b.dataset.tab); history.replaceState(null, "", "#" + b.dataset.tab); });
  if (location.hash && $(location.hash.slice(1))) show(location.hash.slice(1));
  const ex = await api("/api/examples");
  const want = new URLSearchParams(location.search).get("example");
  for (const e of ex) { const o = document.createElement("option"); o.value = e.Name; o.textContent = lang === "ru" ? e.TitleRU : e.Title; o.dataset.en = e.Title; o.dataset.ru = e.TitleRU; o.selected = e.Name === (want || "cotton-tajikistan"); $("example").appendChild(o); }
  $("load").onclick = load; $("undo").onclick = undoLast; $("run").onclick = () => { renderTables(); runBaseline(); }; $("compare").onclick = compare;
  $("open").onclick = openFile; $("save").onclick = saveFile; listFiles();
  catalogue = await api("/api/guide");
  for (const iv of catalogue) { const o = document.createElement("option"); o.value = iv.ID; o.textContent = iv.ID; $("b_type").appendChild(o); }
  $("b_type").onchange = showType; showType(); $("b_add").onclick = addIntervention;
  $("dlscen").onclick = () => download("scenarios.toml", "application/toml", $("scentext").value);
  $("dlcsv").onclick = () => { if (!compared) return; const rows = compared.scenario_summary; const cols = Object.keys(rows[0]);
    download("scenario_summary.csv", "text/csv", cols.join(",") + "\n" + rows.map(r => cols.map(c => JSON.stringify(r[c] ?? "")).join(",")).join("\n") + "\n"); };
  $("report").onclick = async () => { const r = await fetch("/api/report?lang=" + lang, {method: "POST", headers: {"Content-Type": "application/json", "X-Vcsim-Token": token},
    body: JSON.stringify({chain: $("chaintext").value, scenarios: $("scentext").value})}); download("report.html", "text/html", await r.blob()); };
  $("export").onclick = async () => { const r = await fetch("/api/export?lang=" + lang, {method: "POST", headers: {"Content-Type": "application/json", "X-Vcsim-Token": token},
    body: JSON.stringify({chain: $("chaintext").value, scenarios: $("scentext").value})}); if (r.ok) download("vcsim-results.zip", "application/zip", await r.blob()); };
  $("validate").onclick = async () => { try { await api("/api/validate", {method: "POST", body: $("chaintext").value}); problems(null); } catch (e) { problems(e); } };
  $("download").onclick = () => { const a = document.createElement("a"); a.href = URL.createObjectURL(new Blob([$("chaintext").value], {type: "application/toml"}));
    a.download = "chain.toml"; a.click(); };
  document.querySelectorAll(".sliders input").forEach(i => i.oninput = whatif);
  await load();
}
init();
