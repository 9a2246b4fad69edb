// vcsim workshop page: plain JavaScript, no build step, no network but
// this computer's vcsim server.
"use strict";
const M = {
  en: {title:"vcsim: value chains and child labour", example:"Example", load:"Load", "tab.chain":"Chain", "tab.baseline":"Baseline",
    "tab.scenarios":"Scenarios", "tab.whatif":"What if?", "chain.help":"The chain file (TOML). Edit it, then check it and run it.",
    validate:"Check", run:"Run the baseline", download:"Download the chain", accounts:"Accounts", children:"Children",
    "scen.help":"The scenario file (TOML): interventions of the ILO guide.", compare:"Compare",
    "whatif.help":"Move a slider: the figures change at once (one year, the same households).",
    "lever.price":"Farm-gate price", "lever.productivity":"Productivity", "lever.wage":"Adult wage", "lever.transfer":"Cash transfer a year",
    "lever.premium":"Child-labour-free premium", "lever.coverage":"Households reached", footer:"vcsim runs on this computer; nothing leaves it.",
    ok:"The chain is valid.", cl:"Children in child labour", haz:"In hazardous child labour", income:"Mean household income",
    poor:"Below the poverty line", cpcy:"Cost per child-year", was:"now", va:"Value added", actor:"Actor", scenario:"Scenario",
    band:"Age band", working:"Working", inCL:"In child labour", hazardous:"Hazardous", ms:"answered in %d ms", na:"n/a"},
  ru: {title:"vcsim: цепочки создания стоимости и детский труд", example:"Пример", load:"Загрузить", "tab.chain":"Цепочка",
    "tab.baseline":"Базовый сценарий", "tab.scenarios":"Сценарии", "tab.whatif":"Что если?",
    "chain.help":"Файл цепочки (TOML). Измените его, проверьте и рассчитайте.", validate:"Проверить", run:"Рассчитать",
    download:"Скачать цепочку", accounts:"Счета участников", children:"Дети", "scen.help":"Файл сценариев (TOML): вмешательства из руководства МОТ.",
    compare:"Сравнить", "whatif.help":"Двигайте ползунок: цифры меняются сразу (один год, те же домохозяйства).",
    "lever.price":"Цена у фермера", "lever.productivity":"Урожайность", "lever.wage":"Зарплата взрослого", "lever.transfer":"Денежный трансферт в год",
    "lever.premium":"Премия за отсутствие детского труда", "lever.coverage":"Охват домохозяйств", footer:"vcsim работает на этом компьютере; данные никуда не уходят.",
    ok:"Цепочка без ошибок.", cl:"Дети в детском труде", haz:"В опасном детском труде", income:"Средний доход домохозяйства",
    poor:"За чертой бедности", cpcy:"Затраты на ребёнко-год", was:"сейчас", va:"Добавленная стоимость", actor:"Участник", scenario:"Сценарий",
    band:"Возраст", working:"Работают", inCL:"В детском труде", hazardous:"Опасный", ms:"ответ за %d мс", na:"н/д"}
};
let lang = localStorage.getItem("vcsim.lang") || new URLSearchParams(location.search).get("lang") || "en";
const token = new URLSearchParams(location.search).get("token") || "";
const $ = (id) => document.getElementById(id);
const t = (k) => (M[lang] && M[lang][k]) || M.en[k] || k;
const fmt = (x, d = 0) => (x === null || x === undefined || !isFinite(x)) ? t("na") :
  Number(x).toLocaleString(lang === "ru" ? "ru-RU" : "en-GB", {maximumFractionDigits: d, minimumFractionDigits: d});
const pct = (x) => fmt(100 * x, 1) + "%";

function setLang(l) {
  lang = l; localStorage.setItem("vcsim.lang", l); document.documentElement.lang = l;
  document.querySelectorAll("[data-t]").forEach(e => e.textContent = t(e.dataset.t));
  $("en").classList.toggle("on", l === "en"); $("ru").classList.toggle("on", l === "ru");
}

async function api(path, opts = {}) {
  opts.headers = Object.assign({"X-Vcsim-Token": token}, opts.headers || {});
  const r = await fetch(path, opts);
  const j = await r.json();
  if (!r.ok) throw j;
  return j;
}

function problems(e) {
  const ul = $("problems"); ul.innerHTML = "";
  const list = e ? (e.problems || [e.error || String(e)]) : [t("ok")];
  list.forEach(p => { const li = document.createElement("li"); li.textContent = p; if (!e) li.style.color = "#080"; ul.appendChild(li); });
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
    $("accounts").replaceChildren(table(a.accounts, ["name", r => fmt(r.value_added), r => pct(r.va_share || 0)], [t("actor"), t("va"), "%"]));
    $("childtable").replaceChildren(table(a.child_labour.filter(r => !r.sex || r.sex === "all"),
      ["group", "band", r => fmt(r.working), r => fmt(r.child_labour), r => fmt(r.hazardous_child_labour)], [t("actor"), t("band"), t("working"), t("inCL"), t("hazardous")]));
  } catch (e) { problems(e); }
}

async function compare() {
  try {
    const a = await api("/api/compare", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({chain: $("chaintext").value, scenarios: $("scentext").value})});
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
  $("chaintext").value = a.chain; $("scentext").value = a.scenarios;
  runBaseline(); whatif();
}

async function init() {
  setLang(lang);
  const relang = (l) => { setLang(l); if ($("chaintext").value) { runBaseline(); whatif(); } };
  $("en").onclick = () => relang("en"); $("ru").onclick = () => relang("ru");
  const show = (name) => {
    document.querySelectorAll(".tab,.panel").forEach(x => x.classList.remove("on"));
    document.querySelector('.tab[data-tab="' + name + '"]').classList.add("on"); $(name).classList.add("on");
  };
  document.querySelectorAll(".tab").forEach(b => b.onclick = () => { show(b.dataset.tab); history.replaceState(null, "", "#" + b.dataset.tab); });
  if (location.hash && $(location.hash.slice(1))) show(location.hash.slice(1));
  const ex = await api("/api/examples");
  const want = new URLSearchParams(location.search).get("example");
  for (const e of ex) { const o = document.createElement("option"); o.value = e.Name; o.textContent = e.Title; o.selected = e.Name === (want || "cotton-tajikistan"); $("example").appendChild(o); }
  $("load").onclick = load; $("run").onclick = runBaseline; $("compare").onclick = compare;
  $("validate").onclick = async () => { try { await api("/api/validate", {method: "POST", body: $("chaintext").value}); problems(null); } catch (e) { problems(e); } };
  $("download").onclick = () => { const a = document.createElement("a"); a.href = URL.createObjectURL(new Blob([$("chaintext").value], {type: "application/toml"}));
    a.download = "chain.toml"; a.click(); };
  document.querySelectorAll(".sliders input").forEach(i => i.oninput = whatif);
  await load();
}
init();
