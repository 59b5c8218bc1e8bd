//! People from how the text introduces them: a title before or after the name ("Russian
//! Foreign Minister NAME", "NAME, Russia's foreign minister", "Under Secretary for Trade and
//! Financial Affairs NAME"), the country in the words around the title, and names the text
//! gives without a role as a clause's subject.

use super::*;

impl Finder<'_> {
    /// Capitalised names the text gives after "members of" and the like: organisations.
    pub(super) fn member_organisations(&self) -> Vec<String> {
        let doc = self.doc;
        let g = doc.grammar();
        let mut out = Vec::new();
        for k in 0..doc.words.len().saturating_sub(2) {
            let members = g.member_nouns.contains(&doc.words[k].lower.as_str())
                && g.of.contains(&doc.words[k + 1].lower.as_str());
            if members && is_capitalised(doc.word_text(k + 2)) {
                let end = (k + 2..doc.words.len().min(k + 6))
                    .take_while(|&e| {
                        is_capitalised(doc.word_text(e))
                            && (e == k + 2 || doc.gap_before(e).trim().is_empty())
                    })
                    .last()
                    .map_or(k + 3, |e| e + 1);
                out.push(
                    doc.text[doc.words[k + 2].bytes.start..doc.words[end - 1].bytes.end]
                        .to_string(),
                );
            }
        }
        out
    }

    /// People introduced with a role, before or after their name.
    pub(super) fn introductions(&mut self) {
        let doc = self.doc;
        let organisations = self.member_organisations();
        let mut intros: Vec<Mention> = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let words = doc.words_in(sentence.clone());
            let end = words.end;
            let mut i = words.start;
            while i < end {
                // Role modifiers belong to the role: "Interim President Assimi Goïta".
                let mut t = i;
                while t < end && doc.grammar().role_modifiers.contains(&doc.words[t].lower.as_str())
                {
                    t += 1;
                }
                let Some((title_end, title)) = self.title_at(t, end) else {
                    i += 1;
                    continue;
                };
                let honorific = doc.grammar().honorifics.contains(&title);
                let title_text = doc.text
                    [doc.words[i].bytes.start..doc.words[title_end - 1].bytes.end]
                    .to_string();
                let role = (!honorific).then(|| title_text.clone());
                let gender = gender_of(doc.grammar(), title);
                // Country before the role: "Mali's Foreign Minister", "Russian Foreign Minister".
                let before = self
                    .gaz_mention_ending_at(i)
                    .filter(|m| {
                        (m.possessive
                            || m.form == MentionForm::Demonym
                            || m.form == MentionForm::Name)
                            && doc.gap_before(i).trim().is_empty()
                    })
                    .map(|m| (m.actor, m.span.start_byte));
                let mut country = before
                    .map(|(a, _)| a)
                    .filter(|&a| self.actors[a].kind == ActorKind::Country)
                    .or_else(|| self.country_in_modifiers(i, s));
                let mut after = title_end;
                // Where adjectives follow the noun, the country's does too: "le chef de l'État
                // nigérien, NAME", "le président ivoirien NAME".
                if doc.grammar().noun_first {
                    if let Some(m) = self
                        .gaz_mention_starting_at(after)
                        .filter(|m| m.form == MentionForm::Demonym && m.words.end <= end)
                    {
                        country = country.or(Some(m.actor));
                        after = m.words.end;
                    }
                }
                // Country after the role: "Foreign Minister of Mali, Abdoulaye Diop".
                if after + 1 < end && doc.grammar().of.contains(&doc.words[after].lower.as_str()) {
                    if let Some((c, end_word)) = self.country_starting_at(after + 1) {
                        country = country.or(Some(c));
                        after = end_word;
                    }
                }
                // A role's complement before the name: "Under Secretary for Trade and
                // Financial Affairs NAME", "Minister of Foreign Affairs NAME".
                if let Some((name_start, name_end)) = self.complement_then_name(after, end) {
                    let complement = &doc.text
                        [doc.words[after].bytes.start..doc.words[name_start - 1].bytes.end];
                    let role = role.map(|r| format!("{r} {complement}"));
                    let name = doc.text
                        [doc.words[name_start].bytes.start..doc.words[name_end - 1].bytes.end]
                        .to_string();
                    let person = self.person(&name, role, country, gender);
                    let start = before.map_or(doc.words[i].bytes.start, |(_, b)| b);
                    let mut m = self.mention(
                        person,
                        MentionForm::Introduction,
                        start..doc.words[name_end - 1].bytes.end,
                        false,
                    );
                    m.sentence = s;
                    intros.push(m);
                    i = name_end;
                    continue;
                }
                let gap = doc.gap_before(after.min(end.saturating_sub(1))).trim();
                let comma = after < end && gap == ",";
                // "Mr. Diop", "Gen. Goïta": the abbreviation's stop is no separator.
                let joined =
                    gap.is_empty() || (gap == "." && doc.words[title_end - 1].lower.len() <= 4);
                let name_after =
                    if after < end && (joined || comma) { self.name_at(after, end) } else { None };
                let accept_after = name_after.as_ref().is_some_and(|(e, name, _)| {
                    is_capitalised(doc.word_text(t))
                        || comma
                        || name.contains(' ')
                        || *e > after + 1
                });
                if let (true, Some((name_end, name, possessive))) = (accept_after, name_after) {
                    let person = self.person(&name, role, country, gender);
                    let start = before.map_or(doc.words[i].bytes.start, |(_, b)| b);
                    let end_byte = doc.words[name_end - 1].bytes.start
                        + strip_possessive(doc.word_text(name_end - 1)).0.len();
                    let mut m = self.mention(
                        person,
                        MentionForm::Introduction,
                        start..end_byte,
                        possessive,
                    );
                    m.sentence = s;
                    intros.push(m);
                    i = name_end;
                    continue;
                }
                // The name before the role: "Sergey Lavrov, Russia's foreign minister".
                if !honorific {
                    if let Some(m) =
                        self.appositive_intro(i, title_end, before, &title_text, country, gender, s)
                    {
                        intros.push(m);
                    }
                }
                i = title_end;
            }
        }
        let mut intro_words = vec![false; doc.words.len()];
        for m in &intros {
            intro_words[m.words.clone()].iter_mut().for_each(|x| *x = true);
        }
        // People named without a role, as the subject of a clause: "Abdoulaye Diop said".
        for sentence in &doc.sentences {
            let words = doc.words_in(sentence.clone());
            let mut i = words.start;
            while i < words.end {
                let taken = self.at_word(i).next().is_some()
                    || intro_words.get(i).copied().unwrap_or(false);
                let candidate =
                    !taken && is_capitalised(doc.word_text(i)) && clause_initial(doc, i);
                match candidate.then(|| self.name_at(i, words.end)).flatten() {
                    Some((end, name, possessive))
                        if name.split(' ').count() >= 2
                            && !possessive
                            && !doc.words[i..end].iter().any(|w| {
                                doc.grammar().organisation_words.contains(&w.lower.as_str())
                            })
                            && predicate_after(doc, end).is_some() =>
                    {
                        let person = self.person(&name, None, None, Gender::Unknown);
                        // "Les membres de NAME …" elsewhere: NAME is an organisation.
                        if organisations.contains(&name) {
                            self.actors[person].kind = ActorKind::Institution;
                        }
                        let bytes = doc.words[i].bytes.start..doc.words[end - 1].bytes.end;
                        intros.push(self.mention(person, MentionForm::Introduction, bytes, false));
                        i = end;
                    }
                    _ => i += 1,
                }
            }
        }
        // Gazetteer mentions inside an introduction stay, marked as nested.
        for p in &intros {
            let inside: Vec<usize> =
                p.words.clone().flat_map(|w| self.by_word[w].clone()).collect();
            for i in inside {
                let m = &mut self.mentions[i];
                if p.span.start_byte <= m.span.start_byte && m.span.end_byte <= p.span.end_byte {
                    m.nested = true;
                }
            }
        }
        for m in intros {
            self.add(m);
        }
    }

    /// A country named among the capitalised words right before a title: "Russian Foreign
    /// Ministry spokeswoman", "Russia's UN ambassador" (up to four words back).
    pub(super) fn country_in_modifiers(&self, title: usize, s: usize) -> Option<usize> {
        let doc = self.doc;
        let first = doc.words_in(doc.sentences[s].clone()).start;
        let mut k = title;
        while k > first && title - k < 4 && doc.gap_before(k).trim().is_empty() {
            k -= 1;
            if let Some(m) = self.at_word(k).find(|m| {
                self.actors[m.actor].kind == ActorKind::Country
                    && matches!(m.form, MentionForm::Demonym | MentionForm::Name)
            }) {
                return Some(m.actor);
            }
            // "Kremlin spokesman", "Africom director": an institution of one country.
            if let Some(c) = self.at_word(k).find_map(|m| {
                let a = &self.actors[m.actor];
                (a.kind == ActorKind::Institution && m.form == MentionForm::Name)
                    .then_some(a.country)
                    .flatten()
            }) {
                return Some(c);
            }
            let w = doc.word_text(k);
            if !is_capitalised(w) && self.at_word(k).next().is_none() {
                return None;
            }
        }
        None
    }

    /// "NAME, [the|COUNTRY's|DEMONYM] TITLE": a name of two or more words right before a comma.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn appositive_intro(
        &mut self,
        title_start: usize,
        title_end: usize,
        before: Option<(usize, usize)>,
        title_text: &str,
        country: Option<usize>,
        gender: Gender,
        s: usize,
    ) -> Option<Mention> {
        let doc = self.doc;
        let sentence = doc.sentences[s].clone();
        let first_word = doc.words_in(sentence).start;
        // Skip back over "the" or the country word to the comma.
        let mut k = before.map_or(title_start, |(_, b)| doc.words_in(b..b + 1).start);
        if k > first_word
            && doc.grammar().definite.contains(&doc.words[k - 1].lower.as_str())
            && doc.gap_before(k).trim().is_empty()
        {
            k -= 1;
        }
        if k == first_word || doc.gap_before(k).trim() != "," {
            return None;
        }
        // The name: capitalised words ending right before the comma, after any title
        // ("General Alan Pike, the commander of…" names Alan Pike).
        let mut n = k;
        while n > first_word
            && n + 4 > k
            && is_capitalised(doc.word_text(n - 1))
            && self.title_at(n - 1, k).is_none()
            && !doc.grammar().not_names.contains(&doc.words[n - 1].lower.as_str())
            && self.gaz_mention_ending_at(n).is_none()
            && (n == k || doc.gap_before(n).trim().is_empty())
        {
            n -= 1;
        }
        let known = |this: &Self, w: &str| {
            this.actors.iter().any(|a| a.kind == ActorKind::Person && a.name.ends_with(w))
        };
        if n == k || (k - n < 2 && !known(self, doc.word_text(n))) {
            return None;
        }
        // After the title: end of sentence, a comma, or "of COUNTRY".
        let mut country = country;
        let mut end_word = title_end;
        if title_end + 1 < doc.words.len()
            && doc.grammar().of.contains(&doc.words[title_end].lower.as_str())
        {
            // "the commander of U.S. Africa Command": an institution's country.
            if let Some((c, end)) = self.country_starting_at(title_end + 1) {
                country = country.or(Some(c));
                end_word = end;
            }
        }
        let name = doc.text[doc.words[n].bytes.start..doc.words[k - 1].bytes.end].to_string();
        let person =
            self.person(&name, Some(capitalise_role(doc.grammar(), title_text)), country, gender);
        let mut m = self.mention(
            person,
            MentionForm::Introduction,
            doc.words[n].bytes.start..doc.words[end_word - 1].bytes.end,
            false,
        );
        m.sentence = s;
        Some(m)
    }

    /// The capitalised complement of a title ending at word `at`: "of Mines and Energy" in
    /// "the Minister of Mines and Energy" (its text, joiners included).
    pub(super) fn title_complement(&self, at: usize, end: usize) -> Option<&str> {
        let doc = self.doc;
        let g = doc.grammar();
        let first = doc.words.get(at)?.lower.as_str();
        let opens = g.prepositions.contains(&first) && g.name_joiners.contains(&first);
        if !opens
            || at + 1 >= end
            || !is_capitalised(doc.word_text(at + 1))
            || self.country_starting_at(at + 1).is_some()
        {
            return None;
        }
        let mut e = at + 1;
        while e < end && doc.gap_before(e).trim().is_empty() {
            let joiner = g.name_joiners.contains(&doc.words[e].lower.as_str())
                && e + 1 < end
                && is_capitalised(doc.word_text(e + 1));
            if !(is_capitalised(doc.word_text(e)) || joiner) {
                break;
            }
            e += 1;
        }
        Some(&doc.text[doc.words[at].bytes.start..doc.words[e - 1].bytes.end])
    }

    /// After a title at word `at`: "for" / "of" and a capitalised complement whose last two
    /// words are a name followed by the verb ("for Trade and Financial Affairs Mark Dellow
    /// said"): the name's words. The complement keeps at least one capitalised word of its
    /// own, and joiners ("and", "of", "the") may stand inside it.
    pub(super) fn complement_then_name(&self, at: usize, end: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let g = doc.grammar();
        let first = doc.words.get(at)?.lower.as_str();
        let opens = g.prepositions.contains(&first) && g.name_joiners.contains(&first);
        if !opens || at + 4 > end || !doc.gap_before(at).trim().is_empty() {
            return None;
        }
        let mut e = at + 1;
        let mut capitalised = 0;
        while e < end && e < at + 10 && doc.gap_before(e).trim().is_empty() {
            let w = doc.word_text(e);
            if is_capitalised(w) && !g.not_names.contains(&doc.words[e].lower.as_str()) {
                capitalised += 1;
            } else if !(g.name_joiners.contains(&doc.words[e].lower.as_str())
                && e + 1 < end
                && is_capitalised(doc.word_text(e + 1)))
            {
                break;
            }
            e += 1;
        }
        let name = e.checked_sub(2)?..e;
        let name_words = name.clone().all(|w| {
            is_capitalised(doc.word_text(w))
                && self.gaz_mention_starting_at(w).is_none()
                && !g.organisation_words.contains(&doc.words[w].lower.as_str())
        });
        let verb_after =
            predicate_after(doc, e).is_some() || doc.gap_before(e.min(end - 1)).trim() == ",";
        (capitalised >= 3 && name.start > at + 1 && name_words && verb_after && e < end)
            .then_some((name.start, name.end))
    }
}
