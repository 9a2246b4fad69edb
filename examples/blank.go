package examples

// Blank is a minimal chain file to fill in: a farm household group
// selling to a trader, every key commented.
const Blank = `# A value chain for vcsim (docs/chain-format.md explains every key).
# Replace every value with your own; lines starting with # are comments.

name = "My value chain"
name_ru = "Моя цепочка создания стоимости"   # the name in Russian (tables, charts and report in Russian)
country = "Kyrgyzstan"
currency = "KGS"
base_year = 2025
poverty_line = 45000     # per adult equivalent a year
adult_wage = 700         # a day of hired adult work
horizon = 5              # years the scenarios run
discount_rate = 0.1      # a year, for present values (0: money not discounted)
hours_per_day = 8        # hours in a working day
fte_days = 250           # days of a full-time job a year

[[actor]]
id = "farm"              # short, no spaces: links name actors by id
name = "Farm households"
name_ru = "Фермерские домохозяйства"
kind = "household"       # household or enterprise
stage = "production"
count = 1000             # households of this type
unit = "kg"
unit_ru = "кг"
output_per_unit = 1000   # kg a household a year
price = 200              # per kg at the farm gate
costs = { inputs = 10 }  # external inputs per kg
  [actor.household]
  adults = 2.5
  adult_days = 100       # days an adult gives the farm in a year
  children_5_11 = 1.5
  children_12_14 = 0.6
  children_15_17 = 0.5
  other_income = 30000   # a household's other income a year
  [[actor.task]]
  name = "harvest"
  days_per_unit = 0.1    # days of work per kg
  child_suitable = 0.5   # share of those days a child can do
  hazardous = false

[[actor]]
id = "trader"
name = "Traders"
name_ru = "Торговцы"
kind = "enterprise"
stage = "trade"
count = 20
unit = "kg"
unit_ru = "кг"
price = 250
final_market = "domestic"

[[link]]
from = "farm"
to = "trader"
share = 0.9              # share of the farms' output sold to traders
`

// BlankScenarios is a minimal scenario file for Blank.
const BlankScenarios = `# Scenarios to compare with the baseline (docs/scenario-format.md;
# vcsim guide lists the intervention types and their effects).

[[scenario]]
name = "Cash transfer"
name_ru = "Денежный трансферт"
  [[scenario.intervention]]
  type = "cash_transfer"
  targets = ["farm"]
  coverage = 0.5
  cost = { per_adopter_per_year = 500 }
`
