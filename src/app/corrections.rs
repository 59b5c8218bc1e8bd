//! Correcting statements: the editor for the selected statement (speaker, category, target,
//! delete), undo, and adding a missed statement from text selected in the reader. The
//! corrections themselves are `analysis::corrections`; this only collects what the user chose.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom_text;
use super::i18n::{count, fill, lang, t, tr};
use super::state::Ws;
use crate::analysis::corrections::{key, Edit};
use crate::analysis::{ActorKind, Category};

#[component]
pub fn CorrectionEditor(ws: Ws) -> impl IntoView {
    let speaker = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let add_speaker = RwSignal::new(String::new());
    let add_category = RwSignal::new("neutral".to_string());
    let message = RwSignal::new(None::<String>);
    // The last text selected in the article: (article, start, end, the words). Kept when focus
    // moves to the form (which clears the page's selection).
    let pending = RwSignal::new(None::<(usize, usize, usize, String)>);
    {
        let on_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            let k = ws.current.get_untracked();
            if let Ok((start, end)) = selection_chars(ws, k) {
                let words = window()
                    .get_selection()
                    .ok()
                    .flatten()
                    .and_then(|s| s.to_string().as_string())
                    .unwrap_or_default();
                pending.set(Some((k, start, end, words.trim().to_string())));
            }
        });
        let _ = document().add_event_listener_with_callback(
            "selectionchange",
            on_change.as_ref().unchecked_ref(),
        );
        let callback = send_wrapper::SendWrapper::new(on_change);
        on_cleanup(move || {
            let _ = document().remove_event_listener_with_callback(
                "selectionchange",
                callback.as_ref().unchecked_ref(),
            );
        });
    }
    // The selected statement of the shown article: (its key, speaker, target, category).
    let selected = Memo::new(move |_| {
        let (a, s) = ws.selected.get()?;
        if a != ws.current.get() {
            return None;
        }
        ws.analyses.with(|v| {
            let st = v.get(a)?.0.statements.get(s)?.clone();
            Some((
                key(&st),
                st.speaker_name.clone(),
                st.target_name.clone().unwrap_or_default(),
                st.category,
                s,
                st.cue.clone(),
                st.corrected,
            ))
        })
    });
    // Fill the inputs with the selected statement's values.
    Effect::new(move |_| {
        if let Some((_, sp, tg, ..)) = selected.get() {
            speaker.set(sp);
            target.set(tg);
        }
    });
    let names = move || {
        let k = ws.current.get();
        ws.analyses.with(|v| {
            v.get(k)
                .map(|a| {
                    a.0.actors
                        .iter()
                        .filter(|x| {
                            matches!(
                                x.kind,
                                ActorKind::Person | ActorKind::Country | ActorKind::Institution
                            )
                        })
                        .map(|x| view! { <option value=x.name.clone()></option> })
                        .collect_view()
                })
                .unwrap_or_default()
        })
    };
    let made = move || ws.corrections.with(|all| all.get(ws.current.get()).map_or(0, Vec::len));
    let editor = move || {
        selected.get().map(|(at, _, _, category, s, cue, corrected)| {
            let categories = Category::ALL
                .into_iter()
                .map(|c| view! { <option value=c.key() selected=c == category>{t(c.label_key())}</option> })
                .collect_view();
            view! {
                <p class="corr-title">
                    {move || fill("corrections.statement", &[("n", &(s + 1)), ("cue", &cue)])}
                    {corrected.then_some(t("timeline.corrected_mark"))}
                </p>
                <div class="corr-row">
                    <label>{t("table.speaker")} <input list="actor-names" prop:value=move || speaker.get() on:input=move |ev| speaker.set(event_target_value(&ev)) /></label>
                    <button class="chip" on:click=move |_| {
                        let name = speaker.get_untracked();
                        if name.trim().is_empty() {
                            message.set(Some(tr("corrections.give_speaker").into()));
                        } else {
                            message.set(None);
                            ws.correct(Edit::Speaker { at, speaker: name });
                        }
                    }>{t("corrections.set_speaker")}</button>
                </div>
                <div class="corr-row">
                    <label>{t("table.category")} <select on:change=move |ev| {
                        if let Some(c) = Category::from_key(&event_target_value(&ev)) {
                            ws.correct(Edit::Category { at, category: c });
                        }
                    }>{categories}</select></label>
                </div>
                <div class="corr-row">
                    <label>{t("table.target")} <input list="actor-names" placeholder=t("corrections.none") prop:value=move || target.get() on:input=move |ev| target.set(event_target_value(&ev)) /></label>
                    <button class="chip" on:click=move |_| {
                        let typed = target.get_untracked();
                        let typed = (!typed.trim().is_empty()).then(|| typed.trim().to_string());
                        ws.correct(Edit::Target { at, target: typed });
                    }>{t("corrections.set_target")}</button>
                </div>
                <button class="chip danger" on:click=move |_| {
                    ws.correct(Edit::Delete { at });
                    ws.select(None);
                }>{t("corrections.delete")}</button>
            }
        })
    };
    let add = move |_| {
        let k = ws.current.get_untracked();
        let category =
            Category::from_key(&add_category.get_untracked()).unwrap_or(Category::Neutral);
        let name = add_speaker.get_untracked();
        if name.trim().is_empty() {
            message.set(Some(tr("corrections.give_speaker_first").into()));
            return;
        }
        let chosen = pending
            .get_untracked()
            .filter(|p| p.0 == k)
            .map(|p| (p.1, p.2))
            .ok_or_else(|| tr("corrections.select_first").to_string());
        match chosen {
            Err(e) => message.set(Some(e)),
            Ok((start, end)) => {
                pending.set(None);
                message.set(None);
                let before = ws.analyses.with_untracked(|v| v[k].0.statements.len());
                ws.correct(Edit::Add { start, end, speaker: name.trim().to_string(), category });
                let after = ws.analyses.with_untracked(|v| v[k].0.statements.len());
                if after == before {
                    ws.undo();
                    message.set(Some(tr("corrections.one_sentence").into()));
                } else if let Some(s) = ws.analyses.with_untracked(|v| {
                    v[k].0.statements.iter().position(|s| s.cue_span.start_char == start)
                }) {
                    ws.select(Some((k, s)));
                }
            }
        }
    };
    let add_categories = Category::ALL
        .into_iter()
        .map(|c| view! { <option value=c.key()>{t(c.label_key())}</option> })
        .collect_view();
    view! {
        <details class="corrector">
            <summary>{t("corrections.title")} {move || (made() > 0).then(|| count("corrections.made", made(), &[]))}</summary>
            <datalist id="actor-names">{names}</datalist>
            {move || if selected.get().is_some() { editor().into_any() } else { view! { <p class="hint">{t("corrections.hint")}</p> }.into_any() }}
            <Orphans ws />
            <div class="corr-row undo">
                <span>{move || count("corrections.count", made(), &[])}</span>
                <button class="chip" disabled=move || made() == 0 on:click=move |_| ws.undo()>{t("corrections.undo")}</button>
            </div>
            <fieldset class="corr-add">
                <legend>{t("corrections.add_title")}</legend>
                <p class="hint">{t("corrections.add_hint")}</p>
                <p class="hint selected-words">{move || match pending.get() {
                    Some((a, _, _, words)) if a == ws.current.get() => fill("corrections.selected", &[("words", &crate::analysis::timeline::snippet(&words, 80))]),
                    _ => tr("corrections.nothing_selected").to_string(),
                }}</p>
                <label>{t("table.speaker")} <input list="actor-names" prop:value=move || add_speaker.get() on:input=move |ev| add_speaker.set(event_target_value(&ev)) /></label>
                <label>{t("table.category")} <select on:change=move |ev| add_category.set(event_target_value(&ev))>{add_categories}</select></label>
                <button class="chip" on:click=add>{t("corrections.add")}</button>
            </fieldset>
            {move || message.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
        </details>
    }
}

/// The text selected in the reader, as code points of article `k`'s text.
fn selection_chars(ws: Ws, k: usize) -> Result<(usize, usize), String> {
    let none = || tr("corrections.select_first").to_string();
    let selection = window().get_selection().ok().flatten().ok_or_else(none)?;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return Err(none());
    }
    let range = selection.get_range_at(0).map_err(|_| none())?;
    let para_of = |node: &web_sys::Node| -> Option<web_sys::Element> {
        let el = if node.node_type() == web_sys::Node::TEXT_NODE {
            node.parent_element()?
        } else {
            node.clone().dyn_into().ok()?
        };
        el.closest(".article-body p").ok().flatten()
    };
    let (start_node, end_node) =
        (range.start_container().map_err(|_| none())?, range.end_container().map_err(|_| none())?);
    let (Some(p1), Some(p2)) = (para_of(&start_node), para_of(&end_node)) else {
        return Err(tr("corrections.in_text").into());
    };
    if p1 != p2 {
        return Err(tr("corrections.one_paragraph").into());
    }
    let p: usize =
        p1.id().trim_start_matches('p').parse::<usize>().map_err(|_| none())?.saturating_sub(1);
    let text = p1.text_content().unwrap_or_default();
    let u16_start = dom_text::offset(&p1, &start_node, range.start_offset().unwrap_or(0));
    let u16_end = dom_text::offset(&p1, &end_node, range.end_offset().unwrap_or(0));
    let to_chars = |u: u32| {
        let mut units = 0u32;
        let mut chars = 0usize;
        for c in text.chars() {
            if units >= u {
                break;
            }
            units += c.len_utf16() as u32;
            chars += 1;
        }
        chars
    };
    let base = ws
        .analyses
        .with_untracked(|v| v[k].0.paragraphs.get(p).map(|x| x.span.start_char))
        .ok_or_else(none)?;
    let (mut start, mut end) = (to_chars(u16_start), to_chars(u16_end));
    // Leave out spaces at either end of the selection.
    let chars: Vec<char> = text.chars().collect();
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start == end {
        return Err(none());
    }
    Ok((base + start, base + end))
}

/// The shown article's corrections that no longer match its text, each with what it did and
/// where, and "Forget".
#[component]
fn Orphans(ws: Ws) -> impl IntoView {
    let list = move || {
        let k = ws.current.get();
        let orphans = ws.orphans.with(|o| o.get(k).cloned().unwrap_or_default());
        ws.corrections.with(|all| {
            orphans.iter().filter_map(|&n| all.get(k)?.get(n).cloned()).collect::<Vec<_>>()
        })
    };
    move || {
        let list = list();
        (!list.is_empty()).then(|| {
            let n = list.len();
            let items = list
                .into_iter()
                .map(|c| {
                    let what = c.clone();
                    view! {
                        <li>
                            <span>{move || what.describe(lang())}</span>
                            " "
                            <button class="chip" on:click=move |_| ws.forget(&c)>{t("corrections.forget")}</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="corr-orphans" role="status">
                    <p>{move || count("corrections.orphans", n, &[])}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}
