//! The printable documents of an evaluation: the questionnaire to fill in, the report of
//! one intervention, the network's figures across interventions. Each chart comes with a
//! table that says the same.

use super::bank::bank;
use super::chart::{self, LikertRow, Panel};
use super::network::{Group, Network};
use super::questionnaire::{Audience, ItemKind, Measure, Questionnaire, agreement_scale};
use super::report::{BREAKDOWN_BELOW, CAUTION_BELOW, ItemResult, Report, Summary};
use crate::render::{Block, Document, Line, Row, Span};
use crate::text::{Lang, Text};
use crate::vocabulary::Objective;

/// What an empty box to tick looks like on paper.
const BOX: &str = "☐";

/// The questionnaire as a form to print or project.
pub fn questionnaire_document(questionnaire: &Questionnaire, lang: Lang) -> Document {
    let t = |fr: &str, en: &str| lang.pick(fr, en).to_string();
    let title = match questionnaire.audience {
        Audience::ProjectLead => {
            t("Suivi de la séance, deux à trois mois après", "Follow-up, two to three months later")
        }
        _ => t("Votre avis sur la séance", "Your view of the session"),
    };
    let mut document = Document::new(lang, format!("{title}{}{}", sep(lang), questionnaire.title));
    document.push(Block::Paragraph(plain(intro(questionnaire, lang))));
    let scale: Vec<String> = agreement_scale().iter().map(|label| label.get(lang).to_string()).collect();
    let mut rows = Vec::new();
    for item in &questionnaire.items {
        match item.kind {
            ItemKind::Agreement => {
                let mut cells = vec![item.id.clone(), item.text.get(lang).to_string()];
                cells.extend(scale.iter().map(|_| BOX.to_string()));
                rows.push(Row { cells, phase: None });
            }
            _ => {
                flush(&mut document, &mut rows, &scale, lang);
                document.push(Block::Keep(question_block(item.id.as_str(), &item.text, &item.choices, lang)));
            }
        }
    }
    flush(&mut document, &mut rows, &scale, lang);
    document.push(Block::Paragraph(plain(t("Merci !", "Thank you!"))));
    document
}

fn intro(questionnaire: &Questionnaire, lang: Lang) -> String {
    match (questionnaire.audience, questionnaire.falc) {
        (Audience::ProjectLead, _) => lang.pick(
            "À remplir par la personne qui a porté la demande. Pour chaque phrase, cochez la case qui correspond le mieux à ce que vous constatez aujourd'hui.",
            "To be filled in by the person who made the request. For each sentence, tick the box that best matches what you see today.",
        ),
        (_, true) => lang.pick(
            "Ce questionnaire est anonyme : n'écrivez pas votre nom. Pour chaque phrase, cochez une case.",
            "This questionnaire is anonymous: do not write your name. For each sentence, tick one box.",
        ),
        _ => lang.pick(
            "Ce questionnaire est anonyme : n'écrivez pas votre nom. Pour chaque phrase, cochez la case qui correspond le mieux à votre avis. Il n'y a pas de bonne ou de mauvaise réponse.",
            "This questionnaire is anonymous: do not write your name. For each sentence, tick the box that best matches your view. There is no right or wrong answer.",
        ),
    }
    .to_string()
}

/// Writes the agreement statements gathered so far as one grid.
fn flush(document: &mut Document, rows: &mut Vec<Row>, scale: &[String], lang: Lang) {
    if rows.is_empty() {
        return;
    }
    let mut head = vec![lang.pick("N°", "No.").to_string(), lang.pick("Phrase", "Statement").to_string()];
    head.extend(scale.iter().cloned());
    document.push(Block::Table { head, rows: std::mem::take(rows) });
}

fn question_block(id: &str, text: &Text, choices: &[Text], lang: Lang) -> Vec<Block> {
    let mut blocks =
        vec![Block::Paragraph(vec![Span::Strong(format!("{id}. ")), Span::Plain(text.get(lang).into())])];
    if choices.is_empty() {
        let lines = (0..4).map(|_| plain("_".repeat(60))).collect();
        blocks.push(Block::List(lines));
    } else {
        blocks.push(Block::List(choices.iter().map(|c| plain(format!("{BOX} {}", c.get(lang)))).collect()));
    }
    blocks
}

/// The report of one intervention: figures per objective, per ground rule, the ROTI, the
/// open answers; charts with their tables.
pub fn report_document(report: &Report, lang: Lang) -> Document {
    let t = |fr: &str, en: &str| lang.pick(fr, en).to_string();
    let title = format!("{}{}{}", t("Évaluation", "Evaluation"), sep(lang), report.intervention.title);
    let mut document = Document::new(lang, title);
    let who = match lang {
        Lang::Fr => format!("{} personne(s) ont répondu.", report.respondents),
        Lang::En => format!("{} people answered.", report.respondents),
    };
    document.push(Block::Paragraph(plain(who)));
    if report.caution {
        document.push(Block::Paragraph(vec![Span::Strong(caution(lang))]));
    }
    let objectives: Vec<(String, &Summary, &[ItemResult])> = report
        .objectives
        .iter()
        .map(|o| (o.objective.label(lang).to_string(), &o.summary, o.items.as_slice()))
        .collect();
    section(&mut document, t("Objectifs de la demande", "The request's objectives"), &objectives, lang);
    let rules: Vec<(String, &Summary, &[ItemResult])> =
        report.frame.iter().map(|r| (rule_name(&r.point, lang), &r.summary, r.items.as_slice())).collect();
    section(&mut document, t("Le cadre du réseau", "The network's ground rules"), &rules, lang);
    if let Some(roti) = &report.roti {
        roti_section(&mut document, roti, lang);
    }
    let points: Vec<(String, &Summary, &[ItemResult])> = report
        .follow_up
        .iter()
        .map(|p| (point_name(&p.point, lang), &p.summary, p.items.as_slice()))
        .collect();
    section(&mut document, t("Suivi", "Follow-up"), &points, lang);
    open_section(&mut document, report, lang);
    document
}

fn caution(lang: Lang) -> String {
    lang.pick(
        "Prudence : moins de {n} personnes ont répondu ; une seule réponse fait bouger les chiffres. Lisez-les comme des tendances.",
        "Caution: fewer than {n} people answered; a single answer moves the figures. Read them as trends.",
    )
    .replace("{n}", &CAUTION_BELOW.to_string())
}

/// A section of agreement figures: a table per group, the chart per item and its table.
fn section(document: &mut Document, title: String, groups: &[(String, &Summary, &[ItemResult])], lang: Lang) {
    if groups.is_empty() {
        return;
    }
    document.heading(2, title.clone());
    let rows = groups.iter().map(|(name, summary, _)| figures_row(name.clone(), summary, lang)).collect();
    document.push(Block::Table { head: figures_head(lang.pick("Mesure", "Measure"), lang), rows });
    let items: Vec<(&str, &str, &Summary)> = groups
        .iter()
        .flat_map(|(name, _, items)| items.iter().map(move |item| (name.as_str(), item)))
        .map(|(name, item)| (name, item.text.get(lang), &item.summary))
        .collect();
    let chart_rows: Vec<LikertRow> = items
        .iter()
        .map(|(_, text, summary)| LikertRow { label: text.to_string(), distribution: summary.distribution })
        .collect();
    let legend: Vec<String> = agreement_scale().iter().map(|label| label.get(lang).to_string()).collect();
    let caption =
        format!("{title}{}{}", sep(lang), lang.pick("réponses par phrase", "answers per statement"));
    document.push(Block::Figure { svg: chart::likert(&chart_rows, &legend, &caption), caption });
    let rows = items.iter().map(|(_, text, summary)| figures_row(text.to_string(), summary, lang)).collect();
    document.push(Block::Table { head: figures_head(lang.pick("Phrase", "Statement"), lang), rows });
}

fn figures_head(first: &str, lang: Lang) -> Vec<String> {
    let mut head = vec![
        first.to_string(),
        lang.pick("Répondants", "Respondents").to_string(),
        lang.pick("Moyenne (1 à 5)", "Mean (1 to 5)").to_string(),
        lang.pick("D'accord", "Agree").to_string(),
    ];
    head.extend(agreement_scale().iter().map(|label| label.get(lang).to_string()));
    head
}

fn figures_row(name: String, summary: &Summary, lang: Lang) -> Row {
    let mut cells = vec![
        name,
        summary.responses.to_string(),
        summary.mean.map_or("—".into(), |mean| decimal(mean, lang)),
        summary.agree_share.map_or("—".into(), |share| percent(share, lang)),
    ];
    cells.extend(summary.distribution.iter().map(usize::to_string));
    Row { cells, phase: None }
}

fn roti_section(document: &mut Document, roti: &Summary, lang: Lang) {
    document.heading(2, lang.pick("ROTI (retour sur le temps investi)", "ROTI (return on time invested)"));
    let mean = roti.mean.map_or("—".into(), |mean| decimal(mean, lang));
    let line = match lang {
        Lang::Fr => format!("{} réponse(s), moyenne {mean} sur 5.", roti.answers),
        Lang::En => format!("{} answer(s), mean {mean} out of 5.", roti.answers),
    };
    document.push(Block::Paragraph(plain(line)));
    let labels: Vec<String> = bank().roti.scale.iter().map(|text| text.get(lang).to_string()).collect();
    let short: Vec<String> = (1..=5).map(|n: u8| n.to_string()).collect();
    let caption = lang.pick("Répartition du ROTI, de 1 à 5", "ROTI answers, from 1 to 5").to_string();
    document.push(Block::Figure { svg: chart::histogram(&short, &roti.distribution, &caption), caption });
    let rows = labels
        .iter()
        .zip(roti.distribution)
        .map(|(label, count)| Row { cells: vec![label.clone(), count.to_string()], phase: None })
        .collect();
    let head = vec![lang.pick("Note", "Score").to_string(), lang.pick("Réponses", "Answers").to_string()];
    document.push(Block::Table { head, rows });
}

fn open_section(document: &mut Document, report: &Report, lang: Lang) {
    if report.open.is_empty() {
        return;
    }
    document.heading(2, lang.pick("Réponses libres", "Open answers"));
    if report.open.iter().flat_map(|q| &q.answers).any(|answer| answer.names_person) {
        document.push(Block::Paragraph(vec![Span::Strong(
            lang.pick(
                "Attention : des réponses marquées ⚠ semblent nommer une personne. Relisez-les avant de diffuser ce compte rendu.",
                "Warning: answers marked ⚠ seem to name a person. Read them again before sharing this report.",
            )
            .into(),
        )]));
    }
    for question in &report.open {
        document.heading(3, format!("{}. {}", question.id, question.question.get(lang)));
        if question.answers.is_empty() {
            document.push(Block::Paragraph(plain(lang.pick("Aucune réponse.", "No answer."))));
            continue;
        }
        let lines = question.answers.iter().map(|answer| {
            let mut line: Line = Vec::new();
            if answer.names_person {
                line.push(Span::Strong("⚠ ".into()));
            }
            line.push(Span::Plain(answer.text.clone()));
            if answer.count > 1 {
                line.push(Span::Emphasis(format!(" (×{})", answer.count)));
            }
            line
        });
        document.push(Block::List(lines.collect()));
    }
}

/// The network's figures across interventions; `method_name` names a method id.
pub fn network_document(network: &Network, lang: Lang, method_name: impl Fn(&str) -> String) -> Document {
    let t = |fr: &str, en: &str| lang.pick(fr, en).to_string();
    let mut document =
        Document::new(lang, t("Impact de la facilitation dans le réseau", "The network's impact"));
    let line = match lang {
        Lang::Fr => format!(
            "{} intervention(s) évaluée(s), {} répondant(s), {} suivi(s) à trois mois. Aucun regroupement de moins de {BREAKDOWN_BELOW} répondants n'est affiché.",
            network.interventions, network.respondents, network.follow_ups
        ),
        Lang::En => format!(
            "{} intervention(s) evaluated, {} respondent(s), {} follow-up(s). No group of fewer than {BREAKDOWN_BELOW} respondents is shown.",
            network.interventions, network.respondents, network.follow_ups
        ),
    };
    document.push(Block::Paragraph(plain(line)));
    let objective_name =
        |id: &str| id.parse::<Objective>().map_or(id.to_string(), |o| o.label(lang).to_string());
    groups(
        &mut document,
        t("Par type d'objectif", "Per objective type"),
        &network.objectives,
        lang,
        objective_name,
    );
    small_multiples(&mut document, network, lang);
    groups(&mut document, t("Par règle du cadre", "Per ground rule"), &network.frame, lang, |id| {
        rule_name(id, lang)
    });
    groups(&mut document, t("Par méthode utilisée", "Per method used"), &network.methods, lang, method_name);
    groups(
        &mut document,
        t("Par sous-direction", "Per sub-directorate"),
        &network.services,
        lang,
        str::to_string,
    );
    groups(&mut document, t("Par trimestre", "Per quarter"), &network.periods, lang, str::to_string);
    let follow_up_title = t("Suivis à trois mois (porteurs de projet)", "Follow-ups (project leads)");
    groups(&mut document, follow_up_title, &network.follow_up, lang, |id| point_name(id, lang));
    document
}

fn groups(
    document: &mut Document,
    title: String,
    groups: &[Group],
    lang: Lang,
    name: impl Fn(&str) -> String,
) {
    if groups.is_empty() {
        return;
    }
    document.heading(2, title);
    let head = [
        lang.pick("Groupe", "Group"),
        lang.pick("Interventions", "Interventions"),
        lang.pick("Répondants", "Respondents"),
        lang.pick("Moyenne (1 à 5)", "Mean (1 to 5)"),
        lang.pick("D'accord", "Agree"),
        "ROTI",
    ];
    let hidden = lang.pick("moins de 5 répondants : non affiché", "fewer than 5 respondents: not shown");
    let rows = groups.iter().map(|group| {
        let figures = match &group.summary {
            Some(summary) => [
                summary.mean.map_or("—".into(), |mean| decimal(mean, lang)),
                summary.agree_share.map_or("—".into(), |share| percent(share, lang)),
                group.roti_mean.map_or("—".into(), |mean| decimal(mean, lang)),
            ],
            None => [hidden.to_string(), String::new(), String::new()],
        };
        let mut cells =
            vec![name(&group.group), group.interventions.to_string(), group.respondents.to_string()];
        cells.extend(figures);
        Row { cells, phase: None }
    });
    document.push(Block::Table { head: head.map(str::to_string).to_vec(), rows: rows.collect() });
}

fn small_multiples(document: &mut Document, network: &Network, lang: Lang) {
    let panels: Vec<Panel> = network
        .series
        .iter()
        .filter(|(_, points)| !points.is_empty())
        .map(|(objective, points)| Panel {
            title: objective.label(lang).to_string(),
            bars: points.iter().map(|point| (point.label.clone(), point.mean)).collect(),
        })
        .collect();
    if panels.is_empty() {
        return;
    }
    let caption = lang
        .pick(
            "Moyenne par intervention, pour chaque objectif (1 à 5)",
            "Mean per intervention, for each objective (1 to 5)",
        )
        .to_string();
    document.push(Block::Figure { svg: chart::small_multiples(&panels, &caption), caption });
    let rows = panels
        .iter()
        .flat_map(|panel| {
            panel.bars.iter().map(|(label, mean)| Row {
                cells: vec![panel.title.clone(), label.clone(), decimal(*mean, lang)],
                phase: None,
            })
        })
        .collect();
    let head = [
        lang.pick("Objectif", "Objective"),
        lang.pick("Intervention", "Intervention"),
        lang.pick("Moyenne", "Mean"),
    ];
    document.push(Block::Table { head: head.map(str::to_string).to_vec(), rows });
}

/// The name of a ground rule (`ecoute` → « Écoute »).
fn rule_name(rule: &str, lang: Lang) -> String {
    let named = bank().frame.iter().find(|entry| entry.rule == rule);
    named.map_or(rule.to_string(), |entry| entry.name.get(lang).to_string())
}

/// The name of a point of the follow-up (`actions` → « Actions engagées »).
fn point_name(point: &str, lang: Lang) -> String {
    bank().follow_up_points.get(point).map_or(point.to_string(), |name| name.get(lang).to_string())
}

/// What a measure is called in reports.
pub fn measure_name(measure: &Measure, lang: Lang) -> String {
    match measure {
        Measure::Objective(objective) => objective.label(lang).to_string(),
        Measure::Frame(rule) => rule_name(rule, lang),
        Measure::FollowUp(point) => point_name(point, lang),
        Measure::Roti => "ROTI".to_string(),
        Measure::Open => lang.pick("Question ouverte", "Open question").to_string(),
    }
}

fn plain(text: impl Into<String>) -> Line {
    vec![Span::Plain(text.into())]
}

/// The separator before an explanation: « : » in French, ": " in English.
fn sep(lang: Lang) -> &'static str {
    lang.pick(" : ", ": ")
}

/// `4,1` in French, `4.1` in English.
fn decimal(value: f64, lang: Lang) -> String {
    let text = format!("{value:.1}");
    if lang == Lang::Fr { text.replace('.', ",") } else { text }
}

/// `78 %` in French, `78%` in English.
fn percent(share: f64, lang: Lang) -> String {
    let value = (share * 100.0).round();
    lang.pick("{v} %", "{v}%").replace("{v}", &value.to_string())
}
