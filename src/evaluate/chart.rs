//! Pictures where people look rather than read: a diverging stacked bar per item, the ROTI
//! histogram, and small multiples across interventions, drawn as SVG with `plotters`.
//! Each picture goes with a table that says the same, for screen readers.

use crate::render::{Svg, escape};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The five points of the scale, from « Pas du tout d'accord » to « Tout à fait
/// d'accord », red to blue (ColorBrewer RdBu: readable by most colour-blind readers).
const SCALE_COLOURS: [RGBColor; 5] = [
    RGBColor(202, 0, 32),
    RGBColor(244, 165, 130),
    RGBColor(200, 200, 200),
    RGBColor(146, 197, 222),
    RGBColor(5, 113, 176),
];
/// The colour of bars that are not on the agreement scale.
const BAR_COLOUR: RGBColor = RGBColor(0, 0, 145);
const FONT: &str = "sans-serif";
const WIDTH: u32 = 760;
/// Where the bars of the diverging chart start: the labels take the left.
const LABEL_WIDTH: i32 = 290;
const ROW_HEIGHT: i32 = 30;

type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// One bar of the diverging chart: a label and the answers at 1 to 5.
pub(crate) struct LikertRow {
    pub label: String,
    pub distribution: [usize; 5],
}

/// A diverging stacked bar per row, centred on the neutral point: disagreement to the
/// left, agreement to the right, each segment the share of answers at that point.
pub(crate) fn likert(rows: &[LikertRow], legend: &[String], caption: &str) -> Svg {
    let height = (rows.len() as i32 * ROW_HEIGHT + 70).max(100) as u32;
    draw(caption, (WIDTH, height), |area| {
        let centre = LABEL_WIDTH + (WIDTH as i32 - LABEL_WIDTH - 20) / 2;
        let half = f64::from((WIDTH as i32 - LABEL_WIDTH - 20) / 2);
        for (i, row) in rows.iter().enumerate() {
            let top = 10 + i as i32 * ROW_HEIGHT;
            let style = text_style(12, HPos::Right);
            area.draw(&Text::new(
                shorten(&row.label, 44),
                (LABEL_WIDTH - 8, top + ROW_HEIGHT / 2 - 2),
                style,
            ))?;
            diverging_bar(area, row, centre, half, top)?;
        }
        let bottom = 10 + rows.len() as i32 * ROW_HEIGHT;
        area.draw(&PathElement::new(vec![(centre, 6), (centre, bottom)], BLACK.stroke_width(1)))?;
        scale_legend(area, legend, bottom + 14)
    })
}

fn diverging_bar(
    area: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    row: &LikertRow,
    centre: i32,
    half: f64,
    top: i32,
) -> Drawn {
    let answers: usize = row.distribution.iter().sum();
    if answers == 0 {
        return Ok(());
    }
    let share = |count: usize| count as f64 / answers as f64 * half;
    let neutral = share(row.distribution[2]) / 2.0;
    // Left of the centre, from the centre outwards: half the neutral, 2, then 1.
    let mut left = f64::from(centre) - neutral;
    let mut right = f64::from(centre) + neutral;
    let mut segments = vec![(2, left, right)];
    for point in [1, 0] {
        let next = left - share(row.distribution[point]);
        segments.push((point, next, left));
        left = next;
    }
    for point in [3, 4] {
        let next = right + share(row.distribution[point]);
        segments.push((point, right, next));
        right = next;
    }
    for (point, from, to) in segments {
        let (from, to) = (from.round() as i32, to.round() as i32);
        if to <= from {
            continue;
        }
        let colour = SCALE_COLOURS[point].filled();
        area.draw(&Rectangle::new([(from, top + 4), (to, top + ROW_HEIGHT - 6)], colour))?;
        let percent = (row.distribution[point] as f64 * 100.0 / answers as f64).round();
        if to - from >= 30 {
            let label = format!("{percent} %");
            area.draw(&Text::new(
                label,
                ((from + to) / 2, top + ROW_HEIGHT / 2 - 1),
                text_style(11, HPos::Center),
            ))?;
        }
    }
    Ok(())
}

fn scale_legend(
    area: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    legend: &[String],
    top: i32,
) -> Drawn {
    let step = (WIDTH as i32 - 20) / legend.len().max(1) as i32;
    for (i, (label, colour)) in legend.iter().zip(SCALE_COLOURS).enumerate() {
        let left = 10 + i as i32 * step;
        area.draw(&Rectangle::new([(left, top), (left + 14, top + 14)], colour.filled()))?;
        area.draw(&Text::new(shorten(label, 26), (left + 18, top + 7), text_style(11, HPos::Left)))?;
    }
    Ok(())
}

/// Vertical bars: one per label, its count above it.
pub(crate) fn histogram(labels: &[String], counts: &[usize], caption: &str) -> Svg {
    let (width, height) = (480, 240);
    draw(caption, (width, height), |area| {
        let most = counts.iter().copied().max().unwrap_or(0).max(1);
        let step = (width as i32 - 40) / labels.len().max(1) as i32;
        let baseline = height as i32 - 30;
        for (i, (label, count)) in labels.iter().zip(counts).enumerate() {
            let left = 20 + i as i32 * step + 8;
            let bar = (*count as f64 / most as f64 * f64::from(baseline - 30)).round() as i32;
            area.draw(&Rectangle::new(
                [(left, baseline - bar), (left + step - 16, baseline)],
                BAR_COLOUR.filled(),
            ))?;
            let middle = left + (step - 16) / 2;
            area.draw(&Text::new(
                count.to_string(),
                (middle, baseline - bar - 10),
                text_style(12, HPos::Center),
            ))?;
            area.draw(&Text::new(shorten(label, 14), (middle, baseline + 14), text_style(12, HPos::Center)))?;
        }
        area.draw(&PathElement::new(
            vec![(20, baseline), (width as i32 - 20, baseline)],
            BLACK.stroke_width(1),
        ))
    })
}

/// One small panel: a title and bars of means (1 to 5) with their labels.
pub(crate) struct Panel {
    pub title: String,
    pub bars: Vec<(String, f64)>,
}

/// Small multiples: one panel per objective, a bar per intervention, on the same 1–5
/// scale so that panels compare at a glance.
pub(crate) fn small_multiples(panels: &[Panel], caption: &str) -> Svg {
    let columns = panels.len().clamp(1, 3);
    let rows = panels.len().div_ceil(columns).max(1);
    let (panel_width, panel_height) = (WIDTH as i32 / columns as i32, 180);
    draw(caption, (WIDTH, (rows as i32 * panel_height) as u32), |area| {
        for (i, panel) in panels.iter().enumerate() {
            let left = (i % columns) as i32 * panel_width;
            let top = (i / columns) as i32 * panel_height;
            draw_panel(area, panel, (left, top), (panel_width, panel_height))?;
        }
        Ok(())
    })
}

fn draw_panel(
    area: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    panel: &Panel,
    (left, top): (i32, i32),
    (width, height): (i32, i32),
) -> Drawn {
    area.draw(&Text::new(
        shorten(&panel.title, 34),
        (left + width / 2, top + 12),
        text_style(12, HPos::Center),
    ))?;
    let (baseline, room) = (top + height - 28, height - 60);
    let step = (width - 30) / panel.bars.len().max(1) as i32;
    for (i, (label, mean)) in panel.bars.iter().enumerate() {
        let x = left + 20 + i as i32 * step;
        let bar = ((mean - 1.0).max(0.0) / 4.0 * f64::from(room)).round() as i32;
        area.draw(&Rectangle::new([(x + 3, baseline - bar), (x + step - 3, baseline)], BAR_COLOUR.filled()))?;
        let middle = x + step / 2;
        area.draw(&Text::new(
            format!("{mean:.1}"),
            (middle, baseline - bar - 9),
            text_style(10, HPos::Center),
        ))?;
        area.draw(&Text::new(shorten(label, 10), (middle, baseline + 12), text_style(10, HPos::Center)))?;
    }
    area.draw(&PathElement::new(
        vec![(left + 16, baseline), (left + width - 10, baseline)],
        BLACK.stroke_width(1),
    ))
}

/// Draws on an SVG of `size`; the picture is named by `caption` for screen readers. A
/// drawing error gives an empty picture: the table beside it still says everything.
fn draw(
    caption: &str,
    size: (u32, u32),
    paint: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Drawn,
) -> Svg {
    let mut markup = String::new();
    let drawn = {
        let area = SVGBackend::with_string(&mut markup, size).into_drawing_area();
        area.fill(&WHITE).and_then(|()| paint(&area)).and_then(|()| area.present())
    };
    if drawn.is_err() {
        return Svg::default();
    }
    let label = format!("<svg role=\"img\" aria-label=\"{}\" ", escape(caption));
    Svg::new(markup.replacen("<svg ", &label, 1))
}

fn text_style(size: u32, across: HPos) -> TextStyle<'static> {
    (FONT, size).into_font().color(&BLACK).pos(Pos::new(across, VPos::Center))
}

/// Cuts a label to `chars` characters with an ellipsis: the table gives it whole.
fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}
