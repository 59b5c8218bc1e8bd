//! Mentions after the introductions: full names and surnames (also of people other articles
//! of a corpus introduced), titles standing for a person ("the minister"), pronouns by the
//! nearest compatible subject, and each sentence's subject.

use super::*;

impl Finder<'_> {
    /// Full names and surnames of known people outside their introductions.
    pub(super) fn name_mentions(&mut self) {
        let doc = self.doc;
        // Surname -> (person, given names). Two people may share a surname; a bare surname
        // then means the one mentioned most recently.
        let mut by_surname: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        for (i, a) in self.actors.iter().enumerate().filter(|(_, a)| a.kind == ActorKind::Person) {
            let mut parts: Vec<String> = a.name.split([' ', '-']).map(str::to_string).collect();
            let surname = parts.pop().unwrap_or_default();
            by_surname.entry(surname).or_default().push((i, parts));
        }
        let mut last_seen: Vec<Option<usize>> = vec![None; self.actors.len()];
        let mut found = Vec::new();
        for w in 0..doc.words.len() {
            if let Some(intro) = self.at_word(w).find(|m| m.form == MentionForm::Introduction) {
                last_seen[intro.actor] = Some(w);
                continue;
            }
            let (bare, possessive) = strip_possessive(doc.word_text(w));
            let Some(candidates) = by_surname.get(bare) else {
                continue;
            };
            let full_name = |given: &[String]| {
                !given.is_empty()
                    && w >= given.len()
                    && given
                        .iter()
                        .enumerate()
                        .all(|(k, g)| doc.word_text(w - given.len() + k) == g)
            };
            let (person, given) = candidates
                .iter()
                .find(|(_, given)| full_name(given))
                .or_else(|| candidates.iter().max_by_key(|(p, _)| last_seen[*p]))
                .expect("a surname in the table has a person");
            let (start_word, form) = if full_name(given) {
                (w - given.len(), MentionForm::FullName)
            } else {
                // Another given name right before: another person of that family ("Oumar
                // Maïga" is not "Fatoumata Maïga"), unless the initials agree (a spelling
                // variant, "Sergei" for "Sergey").
                let other_given = w > 0
                    && doc.gap_before(w).trim().is_empty()
                    && is_capitalised(doc.word_text(w - 1))
                    && !doc.opens_sentence(w - 1)
                    && given
                        .first()
                        .is_some_and(|g| g.chars().next() != doc.word_text(w - 1).chars().next());
                if other_given {
                    continue;
                }
                (w, MentionForm::Surname)
            };
            let end_byte = doc.words[w].bytes.start + bare.len();
            found.push(self.mention(
                *person,
                form,
                doc.words[start_word].bytes.start..end_byte,
                possessive,
            ));
            last_seen[*person] = Some(w);
        }
        for m in found {
            self.add(m);
        }
    }

    /// The known people this text names by a surname no person of its own has: each becomes
    /// a person named by that surname as written here. A surname two known people share is
    /// left alone (which of them is meant is not known), and so is one this text also writes
    /// in lowercase (a word before it is a name: "power", "young").
    pub(super) fn known_people(&mut self, known: &[KnownPerson]) {
        if known.is_empty() {
            return;
        }
        let doc = self.doc;
        let own = surname_keys(&self.actors);
        let capitalised: Vec<(usize, String)> = (0..doc.words.len())
            .filter(|&w| is_capitalised(doc.word_text(w)))
            .map(|w| (w, spelling::key(strip_possessive(doc.word_text(w)).0)))
            .collect();
        let lowercase: std::collections::HashSet<String> = (0..doc.words.len())
            .filter(|&w| doc.word_text(w).starts_with(char::is_lowercase))
            .map(|w| spelling::key(&doc.words[w].lower))
            .collect();
        let keys: Vec<String> = known.iter().map(|k| spelling::surname_key(&k.name)).collect();
        for (k, key) in known.iter().zip(&keys) {
            let key = key.as_str();
            let ambiguous = keys.iter().filter(|o| spelling::same_word(o, key)).count() > 1;
            let common = lowercase.contains(key);
            if key.chars().count() < 3
                || ambiguous
                || common
                || own.iter().any(|o| spelling::same_word(o, key))
            {
                continue;
            }
            let given = k.name.split(' ').next().filter(|_| k.name.contains(' '));
            let written = capitalised.iter().find_map(|(w, word_key)| {
                let w = *w;
                let (bare, _) = strip_possessive(doc.word_text(w));
                let named = spelling::same_word(word_key, key)
                    && !doc.grammar().not_names.contains(&doc.words[w].lower.as_str())
                    && self.at_word(w).next().is_none()
                    && (!doc.opens_sentence(w) || is_subject_position(doc, &(w..w + 1)));
                // "Oumar Keita" when the known one is "Amara Keita": another person.
                let other_given = w > 0
                    && doc.gap_before(w).trim().is_empty()
                    && is_capitalised(doc.word_text(w - 1))
                    && !doc.opens_sentence(w - 1)
                    && given.is_none_or(|g| !spelling::same_given(g, doc.word_text(w - 1)));
                (named && !other_given).then(|| bare.to_string())
            });
            if let Some(surname) = written {
                if self.actors.iter().all(|a| a.name != surname) {
                    self.actors.push(Actor {
                        kind: ActorKind::Person,
                        name: surname,
                        role: None,
                        country: None,
                        mentions: 0,
                        gender: k.gender,
                    });
                }
            }
        }
    }

    /// Removes the actors from `first` on that no mention names (known people whose surname
    /// only appeared where another rule already read the word), renumbering the mentions.
    pub(super) fn drop_unmentioned(&mut self, first: usize) {
        if first == self.actors.len() {
            return;
        }
        let mut keep = vec![true; self.actors.len()];
        for (i, k) in keep.iter_mut().enumerate().skip(first) {
            *k = self.mentions.iter().any(|m| m.actor == i);
        }
        let mut new_index = Vec::with_capacity(keep.len());
        let mut next = 0;
        for &k in &keep {
            new_index.push(next);
            next += usize::from(k);
        }
        let mut i = 0;
        self.actors.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        for m in &mut self.mentions {
            m.actor = new_index[m.actor];
        }
    }

    /// "the minister", "the Secretary": the latest person before it whose role ends that way.
    pub(super) fn title_mentions(&mut self) {
        let doc = self.doc;
        let mut found = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let words = doc.words_in(sentence.clone());
            for i in words.clone() {
                if !doc.grammar().definite.contains(&doc.words[i].lower.as_str())
                    || i + 1 >= words.end
                {
                    continue;
                }
                let Some((end, title)) = self.title_at(i + 1, words.end) else {
                    continue;
                };
                if doc.grammar().honorifics.contains(&title) || self.at_word(i + 1).next().is_some()
                {
                    continue;
                }
                // Followed by a name, it is an introduction, handled already.
                if end < words.end
                    && is_capitalised(doc.word_text(end))
                    && doc.gap_before(end).trim().is_empty()
                {
                    continue;
                }
                let head = title.rsplit(' ').next().unwrap_or(title);
                let at = doc.words[i].bytes.start;
                // "the Minister of Mines and Energy" names its office: only a person whose
                // role holds those words is meant.
                let office = self.title_complement(end, words.end).map(|c| c.to_lowercase());
                let person = self
                    .mentions
                    .iter()
                    .filter(|m| m.span.start_byte < at)
                    .filter(|m| {
                        let a = &self.actors[m.actor];
                        a.kind == ActorKind::Person
                            && a.role.as_ref().is_some_and(|r| {
                                let r = r.to_lowercase();
                                r.split([' ', '-']).any(|w| w == head)
                                    && office.as_ref().is_none_or(|o| r.contains(o.as_str()))
                            })
                    })
                    .max_by_key(|m| m.span.start_byte)
                    .map(|m| m.actor);
                if let Some(person) = person {
                    let (_, possessive) = strip_possessive(doc.word_text(end - 1));
                    let end_byte = doc.words[end - 1].bytes.start
                        + strip_possessive(doc.word_text(end - 1)).0.len();
                    let mut m = self.mention(person, MentionForm::Title, at..end_byte, possessive);
                    m.sentence = s;
                    found.push(m);
                }
            }
        }
        for m in found {
            self.add(m);
        }
    }

    /// Resolves pronouns sentence by sentence and records each sentence's subject.
    pub(super) fn pronouns_and_subjects(&mut self) -> Vec<Option<usize>> {
        let doc = self.doc;
        let mut subjects: Vec<Option<usize>> = vec![None; doc.sentences.len()];
        // Actors that were sentence subjects, most recent last.
        let mut history: Vec<usize> = Vec::new();
        // The named mentions, sorted by position: each sentence's are a contiguous run.
        let named_count = self.mentions.len();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let words = doc.words_in(sentence.clone());
            let mut pronouns: Vec<(usize, Pronoun)> = words
                .clone()
                .filter_map(|w| doc.grammar().pronoun(&doc.words[w].lower).map(|p| (w, p)))
                .filter(|(w, _)| self.at_word(*w).next().is_none())
                .collect();
            // The subject: the first clause-initial mention or pronoun followed by a predicate.
            let first = self.mentions[..named_count]
                .partition_point(|m| m.span.start_byte < sentence.start);
            let last =
                self.mentions[..named_count].partition_point(|m| m.span.start_byte < sentence.end);
            let named = (first..last).find(|&i| {
                let m = &self.mentions[i];
                !m.nested && !m.possessive && is_subject_position(doc, &m.words)
            });
            let pronoun_subject = pronouns
                .iter()
                .position(|&(w, p)| p.can_be_subject() && is_subject_position(doc, &(w..w + 1)));
            let named_first = match (named, pronoun_subject) {
                (Some(n), Some(p)) => self.mentions[n].words.start < pronouns[p].0,
                (Some(_), None) => true,
                _ => false,
            };
            let mut subject_actor = None;
            if named_first {
                let n = named.unwrap_or_default();
                subjects[s] = Some(n);
                subject_actor = Some(self.mentions[n].actor);
            } else if let Some(p) = pronoun_subject {
                let (w, kind) = pronouns.remove(p);
                if let Some(actor) = self.resolve_pronoun(w, kind, &history, None) {
                    subjects[s] = Some(self.mentions.len() - 1);
                    subject_actor = Some(actor);
                }
            }
            let subject_at = subject_start(self, subjects[s]);
            for (w, kind) in pronouns {
                let current = subject_actor.filter(|_| doc.words[w].bytes.start > subject_at);
                self.resolve_pronoun(w, kind, &history, current);
            }
            if let Some(a) = subject_actor {
                history.push(a);
            }
        }
        // Keep text order; subjects point at mentions, so remap them after sorting.
        let mut order: Vec<usize> = (0..self.mentions.len()).collect();
        order.sort_by_key(|&i| {
            (self.mentions[i].span.start_byte, std::cmp::Reverse(self.mentions[i].span.end_byte))
        });
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut sorted: Vec<Option<Mention>> = self.mentions.drain(..).map(Some).collect();
        self.mentions =
            order.iter().map(|&old| sorted[old].take().expect("each mention moves once")).collect();
        subjects.into_iter().map(|s| s.map(|old| new_index[old])).collect()
    }

    /// Resolves the pronoun at word `w` to the current subject or the nearest compatible earlier
    /// one, and records it as a mention of that actor (the last mention).
    pub(super) fn resolve_pronoun(
        &mut self,
        w: usize,
        kind: Pronoun,
        history: &[usize],
        current: Option<usize>,
    ) -> Option<usize> {
        let actor = self.antecedent(kind, history, current)?;
        self.learn_gender(actor, kind);
        let bytes = self.doc.words[w].bytes.clone();
        let m = self.mention(actor, MentionForm::Pronoun, bytes, kind.possessive());
        self.add(m);
        Some(actor)
    }

    pub(super) fn antecedent(
        &self,
        kind: Pronoun,
        history: &[usize],
        current: Option<usize>,
    ) -> Option<usize> {
        current
            .into_iter()
            .chain(history.iter().rev().copied())
            .find(|&a| kind.fits(&self.actors[a]))
    }

    pub(super) fn learn_gender(&mut self, actor: usize, kind: Pronoun) {
        let a = &mut self.actors[actor];
        if a.kind == ActorKind::Person && a.gender == Gender::Unknown {
            a.gender = match kind {
                Pronoun::He | Pronoun::His => Gender::Male,
                Pronoun::She | Pronoun::Her => Gender::Female,
                _ => Gender::Unknown,
            };
        }
    }
}

trait PronounFits {
    fn can_be_subject(self) -> bool;
    fn possessive(self) -> bool;
    fn fits(self, actor: &Actor) -> bool;
}

impl PronounFits for Pronoun {
    fn can_be_subject(self) -> bool {
        matches!(self, Pronoun::He | Pronoun::She | Pronoun::They)
    }

    fn possessive(self) -> bool {
        matches!(self, Pronoun::His | Pronoun::Their | Pronoun::Her | Pronoun::Its)
    }

    fn fits(self, actor: &Actor) -> bool {
        match self {
            Pronoun::He | Pronoun::His => {
                actor.kind == ActorKind::Person && actor.gender != Gender::Female
            }
            Pronoun::She | Pronoun::Her => {
                actor.kind == ActorKind::Person && actor.gender != Gender::Male
            }
            Pronoun::They | Pronoun::Their => actor.kind != ActorKind::Person,
            Pronoun::Its => true,
        }
    }
}
