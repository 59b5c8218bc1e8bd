//! The user's own themes (add, edit, delete) and the built-in ones (switch off for good,
//! copy into an editable theme of one's own), saved in the browser (`storage`). What a theme
//! is and how it is checked is `analysis::themes`; this only collects what the user typed.

use leptos::prelude::*;

use super::i18n::{fill, lang, t, tr};
use super::state::Ws;
use super::storage;
use crate::analysis::themes::{self, builtin_name, builtin_themes, ThemeDef, MAX_THEMES};
use crate::locale::Language;

/// Colours offered for a new user theme, distinct from the built-in palette.
const NEW_THEME_COLOURS: [&str; 9] = [
    "#8c564b", "#17becf", "#7f7f7f", "#bcbd22", "#9467bd", "#2ca02c", "#e377c2", "#1f77b4",
    "#ff7f0e",
];

/// The user's own themes: add, edit and delete; saved in the browser.
#[component]
pub fn UserThemes(ws: Ws, doc_language: Language) -> impl IntoView {
    let user_themes = ws.user_themes;
    let name = RwSignal::new(String::new());
    let colour = RwSignal::new(NEW_THEME_COLOURS[0].to_string());
    let terms = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let reset = move || {
        name.set(String::new());
        terms.set(String::new());
        editing.set(None);
        error.set(None);
        let used: Vec<String> =
            user_themes.with_untracked(|u| u.iter().map(|t| t.colour.clone()).collect());
        colour.set(
            NEW_THEME_COLOURS
                .iter()
                .find(|c| !used.contains(&c.to_string()))
                .unwrap_or(&NEW_THEME_COLOURS[0])
                .to_string(),
        );
    };
    let save = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let mut others = builtin_themes();
        others.extend(user_themes.get_untracked());
        let replacing = editing.get_untracked();
        let result = themes::user_theme(
            &name.get_untracked(),
            &colour.get_untracked(),
            &terms.get_untracked(),
            &others,
            replacing.as_deref(),
        );
        match result {
            Err(e) => error.set(Some(e.message(lang()))),
            Ok(def) => match keep_theme(ws, def, replacing.as_deref()) {
                Ok(()) => reset(),
                Err(e) => error.set(Some(e)),
            },
        }
    };
    // Opens the form on one of the user's themes.
    let edit = Callback::new(move |theme: ThemeDef| {
        name.set(theme.name.clone());
        colour.set(theme.colour.clone());
        terms.set(theme.terms.join(", "));
        editing.set(Some(theme.id));
        error.set(None);
        open.set(true);
    });
    let list = move || {
        user_themes
            .get()
            .into_iter()
            .map(|theme| {
                let id_delete = theme.id.clone();
                let t_edit = theme.clone();
                view! {
                    <li>
                        <span class="user-swatch" aria-hidden="true">
                            <svg viewBox="0 0 10 10" width="12" height="12"><rect width="10" height="10" fill=theme.colour.clone()></rect></svg>
                        </span>
                        <span class="name">{theme.name.clone()}</span>
                        <span class="terms">{theme.terms.join(", ")}</span>
                        <button class="link" on:click=move |_| edit.run(t_edit.clone())>{t("common.edit")}</button>
                        <button class="link" on:click=move |_| {
                            let next: Vec<ThemeDef> = user_themes.get_untracked().into_iter().filter(|x| x.id != id_delete).collect();
                            if let Err(e) = storage::save_user_themes(&next) {
                                error.set(Some(e));
                            }
                            user_themes.set(next);
                            reset();
                        }>{t("common.delete")}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="user-themes" prop:open=move || open.get() on:toggle=move |ev| {
            let el: web_sys::HtmlDetailsElement = event_target(&ev);
            open.set(el.open());
        }>
            <summary>{t("themes.title")}</summary>
            <ul class="user-list">{list}</ul>
            <BuiltinThemes ws doc_language edit />
            <form class="theme-form" on:submit=save>
                <label>{t("themes.name")} <input type="text" required maxlength="40" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) /></label>
                <label>{t("themes.colour")} <input type="color" prop:value=move || colour.get() on:input=move |ev| colour.set(event_target_value(&ev)) /></label>
                <label>{t("themes.terms")}
                    <textarea rows="3" placeholder=t("themes.terms_placeholder") prop:value=move || terms.get() on:input=move |ev| terms.set(event_target_value(&ev))></textarea>
                </label>
                <p class="hint">{t("themes.terms_hint")}</p>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <div class="form-actions">
                    <button type="submit">{move || tr(if editing.get().is_some() { "themes.save" } else { "themes.add" })}</button>
                    {move || editing.get().map(|_| view! { <button type="button" class="link" on:click=move |_| reset()>{t("common.cancel")}</button> })}
                </div>
                <p class="hint">{move || fill("themes.limit", &[("max", &MAX_THEMES)])}</p>
            </form>
        </details>
    }
}

/// Saves `def` among the user's themes (in place of `replacing`, when editing) and shows it
/// at once, even when the URL names the active themes. The error is the user's message.
fn keep_theme(ws: Ws, def: ThemeDef, replacing: Option<&str>) -> Result<(), String> {
    let mut next = ws.user_themes.get_untracked();
    match replacing.and_then(|id| next.iter().position(|t| t.id == id)) {
        Some(i) => next[i] = def.clone(),
        None => next.push(def.clone()),
    }
    let saved =
        storage::save_user_themes(&next).map_err(|e| fill("themes.not_saved", &[("error", &e)]));
    if let Some(list) = ws.themes_param.get_untracked() {
        let mut ids: Vec<&str> =
            list.split(',').filter(|s| !s.is_empty() && Some(*s) != replacing).collect();
        ids.push(&def.id);
        ws.set_themes_param(Some(ids.join(",")), false);
    }
    ws.user_themes.set(next);
    saved
}

/// The built-in themes: each can be switched off for good (it leaves the legend and the
/// analysis until switched back on) or copied into an editable theme of the user's own, which
/// then takes its place (the built-in is switched off, the form opens on the copy).
#[component]
fn BuiltinThemes(ws: Ws, doc_language: Language, edit: Callback<ThemeDef>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let set_off = move |id: String, off: bool| {
        let mut next = ws.builtins_off.get_untracked();
        next.retain(|x| *x != id);
        if off {
            next.push(id);
        }
        error.set(storage::save_builtins_off(&next).err());
        ws.builtins_off.set(next);
    };
    let copy = move |id: String| {
        let mut others = builtin_themes();
        others.extend(ws.user_themes.get_untracked());
        match themes::copy_builtin(&id, doc_language, lang(), &others) {
            Some(Ok(def)) => match keep_theme(ws, def.clone(), None) {
                Ok(()) => {
                    error.set(None);
                    set_off(id, true);
                    edit.run(def);
                }
                Err(e) => error.set(Some(e)),
            },
            Some(Err(e)) => error.set(Some(e.message(lang()))),
            None => {}
        }
    };
    let rows = move || {
        builtin_themes()
            .into_iter()
            .map(|theme| {
                let id = theme.id.clone();
                let (id_toggle, id_copy, id_on) = (id.clone(), id.clone(), id.clone());
                let on = move || !ws.builtins_off.with(|off| off.contains(&id_on));
                let label = move || builtin_name(&id, lang()).unwrap_or_default();
                view! {
                    <li data-theme=theme.id.clone()>
                        <label>
                            <input type="checkbox" prop:checked=on on:change=move |ev| set_off(id_toggle.clone(), !event_target_checked(&ev)) />
                            <span class="user-swatch" aria-hidden="true">
                                <svg viewBox="0 0 10 10" width="12" height="12"><rect width="10" height="10" fill=theme.colour.clone()></rect></svg>
                            </span>
                            " "{label.clone()}
                        </label>
                        <button class="link" on:click=move |_| copy(id_copy.clone()) aria-label=move || fill("themes.copy_label", &[("theme", &label())])>{t("themes.copy")}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="builtin-themes">
            <legend>{t("themes.builtin_title")}</legend>
            <p class="hint">{t("themes.builtin_hint")}</p>
            <ul class="builtin-list">{rows}</ul>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        </fieldset>
    }
}
