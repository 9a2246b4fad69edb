package guide

// Step is a step of a rapid market assessment, as a short text a report can quote.
type Step struct {
	ID             string
	Title, TitleRU string
	Text, TextRU   string
}

// Steps are the four steps of a rapid market assessment.
var Steps = []Step{
	{
		ID: "selection", Title: "Sector selection", TitleRU: "Выбор сектора",
		Text:   "Choose the value chains to assess with employers' and workers' organisations: where child labour is found, how many poor households depend on the chain, whether it can grow and whether buyers and government will act.",
		TextRU: "Вместе с организациями работодателей и работников выберите цепочки для оценки: где есть детский труд, сколько бедных хозяйств зависят от цепочки, может ли она расти и готовы ли действовать покупатели и государство.",
	},
	{
		ID: "mapping", Title: "Value chain mapping", TitleRU: "Картирование цепочки",
		Text:   "Draw the chain: its actors from input suppliers to retailers, how many there are, what they buy and sell, at what prices and volumes, who works in each stage, and where children work and at which tasks.",
		TextRU: "Нарисуйте цепочку: её участников от поставщиков ресурсов до розницы, их число, что они покупают и продают, по каким ценам и в каких объёмах, кто работает на каждом этапе, где и на каких задачах работают дети.",
	},
	{
		ID: "analysis", Title: "Analysis", TitleRU: "Анализ",
		Text:   "Compute each actor's costs, value added and profit, the split of the final price, household income and child labour; find the constraints and the decent-work deficits that keep children working, and the opportunities to remove them.",
		TextRU: "Рассчитайте затраты, добавленную стоимость и прибыль каждого участника, распределение конечной цены, доходы хозяйств и детский труд; найдите ограничения и дефициты достойного труда, которые удерживают детей на работе, и возможности их устранить.",
	},
	{
		ID: "action", Title: "Action plan", TitleRU: "План действий",
		Text:   "Compare intervention scenarios on children leaving child labour, household income and cost; agree on the interventions, who does what, the budget and the indicators to monitor.",
		TextRU: "Сравните сценарии вмешательств по числу детей, прекративших детский труд, доходам хозяйств и затратам; согласуйте вмешательства, ответственных, бюджет и показатели для мониторинга.",
	},
}
