//! The layout of `core/src`: no module needs another in a circle.
//!
//! Reads every `.rs` file under `core/src`, finds every reference one module makes to another
//! (`use` items, paths in code such as `crate::money::Money::ZERO` or `super::Place`, `$crate`
//! paths in macros, and the path strings of serde attributes such as
//! `deserialize_with = "crate::time::de"`), resolves each to the module that defines the item
//! (following re-exports such as `fee::Account` → `fee::account`), and looks for cycles in the
//! graph at every granularity: top-level modules (`desk`, `fee`…), their submodules
//! (`fee::account`, `fee::late_fee`…), and so on down to single files. Inline modules
//! (`mod tests { … }`) count as part of their file.
//!
//! What is not an edge: declaring a submodule (`mod x;`), importing a module's name
//! (`use crate::fee::account;` — the items used through it are edges), and a `pub use`
//! re-export whose name the module does not use itself (naming, not needing).
//!
//! `contract` is the top: it may use every module, and no other module may use it.
//!
//! The reader is a small tokenizer (comments, strings, chars and lifetimes skipped), not a
//! Rust parser: enough for this code base, and `analysis_finds_a_cycle` below checks that it
//! does find what it is meant to.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// A module path from the crate root: `[]` is the root, `["fee", "account"]` is `fee::account`.
type Module = Vec<String>;

fn show(m: &[String]) -> String {
    if m.is_empty() {
        "crate".to_string()
    } else {
        m.join("::")
    }
}

// ---- tokens ----

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    Sep,
    Punct(char),
    /// A string literal's contents (escapes left as written).
    Str(String),
    /// Numbers, chars, lifetimes: nothing to read, but they end a path.
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    line: usize,
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn lex(text: &str) -> Vec<Token> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        let start_line = line;
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if i >= c.len() {
                    break;
                }
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if (ch == 'r'
            && (at(i + 1) == '"' || (at(i + 1) == '#' && !is_ident_start(at(i + 2)))))
            || (ch == 'b' && at(i + 1) == 'r' && (at(i + 2) == '"' || at(i + 2) == '#'))
        {
            // Raw string: r"…", r#"…"#, br"…".
            i += if ch == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while at(i) == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1; // the opening quote
            let begin = i;
            loop {
                if i >= c.len() {
                    break;
                }
                if c[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#') {
                    break;
                }
                if c[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            let s: String = c[begin..i.min(c.len())].iter().collect();
            i += 1 + hashes;
            out.push(Token {
                tok: Tok::Str(s),
                line: start_line,
            });
        } else if ch == '"' || ((ch == 'b' || ch == 'c') && at(i + 1) == '"') {
            i += if ch == '"' { 1 } else { 2 };
            let begin = i;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                }
                if at(i) == '\n' {
                    line += 1;
                }
                i += 1;
            }
            let s: String = c[begin..i.min(c.len())].iter().collect();
            i += 1;
            out.push(Token {
                tok: Tok::Str(s),
                line: start_line,
            });
        } else if ch == '\'' || (ch == 'b' && at(i + 1) == '\'') {
            if ch == 'b' {
                i += 1;
            }
            // A char literal, or a lifetime / label.
            if at(i + 1) == '\\' {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
                while i < c.len() && is_ident_char(c[i]) {
                    i += 1;
                }
            }
            out.push(Token {
                tok: Tok::Other,
                line: start_line,
            });
        } else if ch == 'r' && at(i + 1) == '#' && is_ident_start(at(i + 2)) {
            // Raw identifier r#type.
            i += 2;
            let begin = i;
            while i < c.len() && is_ident_char(c[i]) {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Ident(c[begin..i].iter().collect()),
                line: start_line,
            });
        } else if is_ident_start(ch) {
            let begin = i;
            while i < c.len() && is_ident_char(c[i]) {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Ident(c[begin..i].iter().collect()),
                line: start_line,
            });
        } else if ch.is_ascii_digit() {
            while i < c.len() && is_ident_char(c[i]) {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Other,
                line: start_line,
            });
        } else if ch == ':' && at(i + 1) == ':' {
            i += 2;
            out.push(Token {
                tok: Tok::Sep,
                line: start_line,
            });
        } else {
            i += 1;
            out.push(Token {
                tok: Tok::Punct(ch),
                line: start_line,
            });
        }
    }
    out
}

// ---- what a file says ----

/// One name a `use` item brings into a scope.
#[derive(Debug, Clone)]
struct UseLeaf {
    scope: Module,
    path: Vec<String>,
    /// The name it is known by; `None` for a glob (`*`).
    name: Option<String>,
    public: bool,
    line: usize,
}

/// A path in code (or in a serde attribute's string).
#[derive(Debug, Clone)]
struct PathRef {
    scope: Module,
    path: Vec<String>,
    line: usize,
}

struct File {
    rel: String,
    module: Module,
    uses: Vec<UseLeaf>,
    paths: Vec<PathRef>,
    /// Every identifier outside `use` items: whether a re-exported name is used here too.
    idents: BTreeSet<String>,
    /// Inline modules (`mod tests { … }`), as full module paths.
    inline: Vec<Module>,
}

fn module_of(rel: &str) -> Module {
    let stem = rel.strip_suffix(".rs").expect(".rs file");
    let mut parts: Vec<String> = stem.split('/').map(str::to_string).collect();
    if parts.last().map(String::as_str) == Some("mod") {
        parts.pop();
    }
    if parts == ["lib"] {
        parts.clear();
    }
    parts
}

fn is_path_like(s: &str) -> bool {
    let parts: Vec<&str> = s.split("::").collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            let mut cs = p.chars();
            cs.next().is_some_and(is_ident_start) && cs.all(is_ident_char)
        })
}

fn ident(t: Option<&Token>) -> Option<&str> {
    match t.map(|t| &t.tok) {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

fn punct(t: Option<&Token>, c: char) -> bool {
    matches!(t.map(|t| &t.tok), Some(Tok::Punct(p)) if *p == c)
}

fn sep(t: Option<&Token>) -> bool {
    matches!(t.map(|t| &t.tok), Some(Tok::Sep))
}

/// Parses a use tree from `toks[*i]`, appending its leaves with `prefix`.
fn use_tree(
    toks: &[Token],
    i: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    let mut path = prefix;
    if sep(toks.get(*i)) {
        *i += 1; // `use ::std::…`
    }
    loop {
        let t = toks.get(*i);
        if punct(t, '{') {
            *i += 1;
            while !punct(toks.get(*i), '}') && *i < toks.len() {
                use_tree(toks, i, path.clone(), out);
                if punct(toks.get(*i), ',') {
                    *i += 1;
                }
            }
            *i += 1;
            return;
        }
        if punct(t, '*') {
            *i += 1;
            out.push((path, None));
            return;
        }
        let Some(name) = ident(t) else { return };
        *i += 1;
        if name == "self" && !path.is_empty() {
            // `{self, …}`: the module itself.
        } else {
            path.push(name.to_string());
        }
        if sep(toks.get(*i)) {
            *i += 1;
            continue;
        }
        let mut known_as = path.last().cloned();
        if ident(toks.get(*i)) == Some("as") {
            known_as = ident(toks.get(*i + 1)).map(str::to_string);
            *i += 2;
        }
        out.push((path, known_as));
        return;
    }
}

fn read_file(rel: &str, text: &str) -> File {
    let module = module_of(rel);
    let toks = lex(text);
    let mut file = File {
        rel: rel.to_string(),
        module: module.clone(),
        uses: Vec::new(),
        paths: Vec::new(),
        idents: BTreeSet::new(),
        inline: Vec::new(),
    };
    // Open inline modules: (module, brace depth inside it).
    let mut scopes: Vec<(Module, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let scope = scopes
            .last()
            .map(|s| s.0.clone())
            .unwrap_or_else(|| module.clone());
        let t = &toks[i];
        match &t.tok {
            Tok::Punct('{') => {
                depth += 1;
                i += 1;
            }
            Tok::Punct('}') => {
                if scopes.last().is_some_and(|s| s.1 == depth) {
                    scopes.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            Tok::Ident(kw)
                if kw == "mod"
                    && ident(toks.get(i + 1)).is_some()
                    && punct(toks.get(i + 2), '{') =>
            {
                let mut inner = scope.clone();
                inner.push(ident(toks.get(i + 1)).unwrap().to_string());
                file.inline.push(inner.clone());
                scopes.push((inner, depth + 1));
                i += 2;
            }
            Tok::Ident(kw) if kw == "mod" && ident(toks.get(i + 1)).is_some() => {
                // `mod x;` declares a submodule: its name is not a use of anything.
                i += 2;
            }
            Tok::Ident(kw) if kw == "use" && !sep(toks.get(i.wrapping_sub(1))) => {
                let public = i > 0
                    && (ident(toks.get(i - 1)) == Some("pub")
                        || (punct(toks.get(i - 1), ')') && {
                            let mut k = i - 1;
                            while k > 0 && !punct(toks.get(k), '(') {
                                k -= 1;
                            }
                            k > 0 && ident(toks.get(k - 1)) == Some("pub")
                        }));
                let line = t.line;
                i += 1;
                let mut leaves = Vec::new();
                use_tree(&toks, &mut i, Vec::new(), &mut leaves);
                for (path, name) in leaves {
                    if !path.is_empty() {
                        file.uses.push(UseLeaf {
                            scope: scope.clone(),
                            path,
                            name,
                            public,
                            line,
                        });
                    }
                }
                while i < toks.len() && !punct(toks.get(i), ';') {
                    i += 1;
                }
            }
            Tok::Punct('$') => {
                // `$crate::…` in a macro is a path from the crate root; `$x` is a metavariable.
                if ident(toks.get(i + 1)) == Some("crate") {
                    i += 1;
                } else {
                    i += 2;
                }
            }
            Tok::Str(s) => {
                if is_path_like(s) {
                    file.paths.push(PathRef {
                        scope: scope.clone(),
                        path: s.split("::").map(str::to_string).collect(),
                        line: t.line,
                    });
                }
                i += 1;
            }
            Tok::Ident(name) => {
                file.idents.insert(name.clone());
                let starts_path = !sep(toks.get(i.wrapping_sub(1)))
                    && (sep(toks.get(i + 1)) || matches!(name.as_str(), "crate" | "super"));
                if starts_path {
                    let mut path = vec![name.clone()];
                    let mut k = i + 1;
                    while sep(toks.get(k)) {
                        match ident(toks.get(k + 1)) {
                            Some(seg) => {
                                file.idents.insert(seg.to_string());
                                path.push(seg.to_string());
                                k += 2;
                            }
                            None => break, // `::<`
                        }
                    }
                    file.paths.push(PathRef {
                        scope: scope.clone(),
                        path,
                        line: t.line,
                    });
                    i = k;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    file
}

// ---- resolving names to modules ----

#[derive(Debug, Clone, PartialEq)]
enum Target {
    Module(Module),
    /// An item defined in this module.
    Item(Module),
}

struct Crate {
    files: Vec<File>,
    /// Every module, inline ones included.
    modules: BTreeSet<Module>,
    /// Inline module → the file module it is written in.
    file_of: BTreeMap<Module, Module>,
    /// (scope, name) → the `use` leaves that bring the name in.
    names: BTreeMap<(Module, String), Vec<UseLeaf>>,
    globs: BTreeMap<Module, Vec<UseLeaf>>,
}

impl Crate {
    fn new(sources: &[(String, String)]) -> Crate {
        let files: Vec<File> = sources
            .iter()
            .map(|(rel, text)| read_file(rel, text))
            .collect();
        let mut modules = BTreeSet::new();
        let mut file_of = BTreeMap::new();
        let mut names: BTreeMap<(Module, String), Vec<UseLeaf>> = BTreeMap::new();
        let mut globs: BTreeMap<Module, Vec<UseLeaf>> = BTreeMap::new();
        for f in &files {
            modules.insert(f.module.clone());
            file_of.insert(f.module.clone(), f.module.clone());
            for m in &f.inline {
                modules.insert(m.clone());
                file_of.insert(m.clone(), f.module.clone());
            }
            for u in &f.uses {
                match &u.name {
                    Some(n) => names
                        .entry((u.scope.clone(), n.clone()))
                        .or_default()
                        .push(u.clone()),
                    None => globs.entry(u.scope.clone()).or_default().push(u.clone()),
                }
            }
        }
        Crate {
            files,
            modules,
            file_of,
            names,
            globs,
        }
    }

    /// The file module a module is written in.
    fn file(&self, m: &Module) -> Module {
        let mut m = m.clone();
        loop {
            if let Some(f) = self.file_of.get(&m) {
                return f.clone();
            }
            if m.pop().is_none() {
                return Vec::new();
            }
        }
    }

    /// What `name` means in `scope`, if it is a module of this crate or was imported.
    fn lookup(&self, scope: &Module, name: &str, guard: usize) -> Option<Target> {
        if guard > 16 {
            return None;
        }
        let mut child = scope.clone();
        child.push(name.to_string());
        if self.modules.contains(&child) {
            return Some(Target::Module(child));
        }
        if let Some(leaves) = self.names.get(&(scope.clone(), name.to_string())) {
            for leaf in leaves {
                if leaf.path.len() == 1 && leaf.path[0] == name {
                    // `pub(crate) use some_macro;`: the module's own item.
                    return Some(Target::Item(scope.clone()));
                }
                if let Some(t) = self.resolve(&leaf.scope, &leaf.path, guard + 1) {
                    return Some(t);
                }
            }
        }
        for glob in self.globs.get(scope).into_iter().flatten() {
            if let Some(Target::Module(m)) = self.resolve(&glob.scope, &glob.path, guard + 1) {
                if &m != scope {
                    if let Some(t) = self.lookup(&m, name, guard + 1) {
                        return Some(t);
                    }
                }
            }
        }
        None
    }

    /// What a path names, or `None` for something outside the crate (std, serde…).
    fn resolve(&self, scope: &Module, path: &[String], guard: usize) -> Option<Target> {
        if guard > 16 || path.is_empty() {
            return None;
        }
        let mut cur: Module;
        let mut i = 1;
        match path[0].as_str() {
            "crate" => cur = Vec::new(),
            "self" => cur = scope.clone(),
            "super" => {
                cur = scope.clone();
                cur.pop();
            }
            "Self" => return None,
            first => match self.lookup(scope, first, guard + 1)? {
                Target::Module(m) => cur = m,
                item => return Some(item),
            },
        }
        while i < path.len() {
            if path[i] == "super" {
                cur.pop();
                i += 1;
                continue;
            }
            match self.lookup(&cur, &path[i], guard + 1) {
                Some(Target::Module(m)) => {
                    cur = m;
                    i += 1;
                }
                Some(item) => return Some(item),
                None => return Some(Target::Item(cur)),
            }
        }
        Some(Target::Module(cur))
    }

    /// Every edge between file modules, with where it is written.
    fn edges(&self) -> BTreeMap<(Module, Module), String> {
        let mut edges = BTreeMap::new();
        for f in &self.files {
            let mut add = |target: Option<Target>, line: usize, what: String| {
                let to = match target {
                    Some(Target::Item(m)) => self.file(&m),
                    _ => return,
                };
                if to != f.module {
                    edges
                        .entry((f.module.clone(), to))
                        .or_insert_with(|| format!("{}:{line} {what}", f.rel));
                }
            };
            for u in &f.uses {
                let what = format!("use {}", u.path.join("::"));
                match &u.name {
                    None => {
                        let t = match self.resolve(&u.scope, &u.path, 0) {
                            Some(Target::Module(m)) if m != u.scope => Some(Target::Item(m)),
                            other => other,
                        };
                        add(t, u.line, what);
                    }
                    Some(name) => {
                        if !u.public || f.idents.contains(name) {
                            add(self.resolve(&u.scope, &u.path, 0), u.line, what);
                        }
                    }
                }
            }
            for p in &f.paths {
                add(
                    self.resolve(&p.scope, &p.path, 0),
                    p.line,
                    p.path.join("::"),
                );
            }
        }
        edges
    }
}

// ---- cycles ----

/// Strongly connected components of more than one node (Tarjan).
fn cycles(
    nodes: &BTreeSet<Module>,
    edges: &BTreeMap<Module, BTreeSet<Module>>,
) -> Vec<Vec<Module>> {
    struct State<'a> {
        edges: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<Module, usize>,
        low: BTreeMap<Module, usize>,
        stack: Vec<Module>,
        on_stack: BTreeSet<Module>,
        next: usize,
        out: Vec<Vec<Module>>,
    }
    fn visit(s: &mut State, v: &Module) {
        s.index.insert(v.clone(), s.next);
        s.low.insert(v.clone(), s.next);
        s.next += 1;
        s.stack.push(v.clone());
        s.on_stack.insert(v.clone());
        for w in s.edges.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(s, w);
                let l = s.low[v].min(s.low[w]);
                s.low.insert(v.clone(), l);
            } else if s.on_stack.contains(w) {
                let l = s.low[v].min(s.index[w]);
                s.low.insert(v.clone(), l);
            }
        }
        if s.low[v] == s.index[v] {
            let mut scc = Vec::new();
            loop {
                let w = s.stack.pop().unwrap();
                s.on_stack.remove(&w);
                let done = &w == v;
                scc.push(w);
                if done {
                    break;
                }
            }
            if scc.len() > 1 {
                scc.sort();
                s.out.push(scc);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in nodes {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out.sort();
    s.out
}

/// A shortest cycle through `v` (breadth first), as its modules from `v` on.
fn shortest_cycle(graph: &BTreeMap<Module, BTreeSet<Module>>, v: &Module) -> Vec<Module> {
    let mut parent: BTreeMap<Module, Module> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([v.clone()]);
    while let Some(u) = queue.pop_front() {
        for w in graph.get(&u).into_iter().flatten() {
            if w == v {
                let mut cycle = vec![u.clone()];
                let mut at = u.clone();
                while &at != v {
                    at = parent[&at].clone();
                    cycle.push(at.clone());
                }
                cycle.reverse();
                return cycle;
            }
            if !parent.contains_key(w) {
                parent.insert(w.clone(), u.clone());
                queue.push_back(w.clone());
            }
        }
    }
    vec![v.clone()]
}

struct Findings {
    /// Each cycle: its modules, then each edge inside it with where it is written.
    cycles: Vec<String>,
    /// Modules outside `contract` that use it.
    contract_users: Vec<String>,
}

fn analyse(sources: &[(String, String)]) -> Findings {
    let krate = Crate::new(sources);
    let edges = krate.edges();
    let in_contract = |m: &Module| m.first().map(String::as_str) == Some("contract");
    let mut contract_users = Vec::new();
    for ((from, to), at) in &edges {
        if in_contract(to) && !in_contract(from) {
            contract_users.push(format!("{} uses {} ({at})", show(from), show(to)));
        }
    }
    let max_depth = krate.modules.iter().map(Vec::len).max().unwrap_or(0);
    let mut seen = BTreeSet::new();
    let mut found = Vec::new();
    for depth in 1..=max_depth {
        let cut = |m: &Module| m[..m.len().min(depth)].to_vec();
        let mut nodes = BTreeSet::new();
        let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
        let mut evidence: BTreeMap<(Module, Module), &String> = BTreeMap::new();
        for ((from, to), at) in &edges {
            if from.is_empty() || to.is_empty() || in_contract(from) || in_contract(to) {
                continue;
            }
            let (a, b) = (cut(from), cut(to));
            if a == b {
                continue;
            }
            nodes.insert(a.clone());
            nodes.insert(b.clone());
            graph.entry(a.clone()).or_default().insert(b.clone());
            evidence.entry((a, b)).or_insert(at);
        }
        for scc in cycles(&nodes, &graph) {
            let names: Vec<String> = scc.iter().map(|m| show(m)).collect();
            if !seen.insert(names.clone()) {
                continue;
            }
            let mut text = format!("cycle among {{{}}}; shortest cycles:", names.join(", "));
            let mut shown = BTreeSet::new();
            for v in &scc {
                let cycle = shortest_cycle(&graph, v);
                // The same cycle through another of its modules: start it at the least.
                let start = (0..cycle.len()).min_by_key(|&k| &cycle[k]).unwrap_or(0);
                let mut turned = cycle[start..].to_vec();
                turned.extend_from_slice(&cycle[..start]);
                if !shown.insert(turned.clone()) {
                    continue;
                }
                let path: Vec<String> = turned
                    .iter()
                    .chain(turned.first())
                    .map(|m| show(m))
                    .collect();
                text += &format!("\n  {}", path.join(" → "));
                for k in 0..turned.len() {
                    let (a, b) = (&turned[k], &turned[(k + 1) % turned.len()]);
                    text += &format!(
                        "\n      {} → {}: {}",
                        show(a),
                        show(b),
                        evidence[&(a.clone(), b.clone())]
                    );
                }
            }
            found.push(text);
        }
    }
    Findings {
        cycles: found,
        contract_users,
    }
}

fn read_tree(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_tree(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, fs::read_to_string(&path).unwrap()));
        }
    }
}

fn core_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    read_tree(&root, &root, &mut out);
    out
}

#[test]
fn no_module_needs_another_in_a_circle() {
    let sources = core_sources();
    assert!(sources.len() > 10, "core/src read");
    let findings = analyse(&sources);
    assert!(
        findings.cycles.is_empty(),
        "{} import cycle(s) in core/src:\n{}",
        findings.cycles.len(),
        findings.cycles.join("\n")
    );
}

#[test]
fn nothing_outside_contract_uses_it() {
    let findings = analyse(&core_sources());
    assert!(
        findings.contract_users.is_empty(),
        "contract is the top; these use it:\n{}",
        findings.contract_users.join("\n")
    );
}

/// The analysis itself: it must see each kind of reference, or the tests above prove nothing.
#[test]
fn analysis_finds_a_cycle() {
    let files = |extra: &[(&str, &str)]| -> Vec<(String, String)> {
        let mut v = vec![
            ("lib.rs", "pub mod a; pub mod b; pub mod c; pub mod contract;"),
            ("a/mod.rs", "//! A.\npub mod x; pub mod y;\npub use x::X;\npub struct Shared;"),
            ("a/x.rs", "use super::Shared;\npub struct X(Shared);"),
            ("a/y.rs", "pub struct Y(crate::a::X);"),
            ("b.rs", "use crate::a::{self, y::Y};\n// crate::c::C in a comment\nconst S: &str = \"crate::c::C\";\npub struct B(a::X, Y);"),
            ("c.rs", "pub struct C;"),
            ("contract.rs", "use crate::b::B;"),
        ];
        v.extend_from_slice(extra);
        let mut out: Vec<(String, String)> = v
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        // A later entry replaces an earlier one of the same file.
        let mut seen = BTreeSet::new();
        out.reverse();
        out.retain(|(rel, _)| seen.insert(rel.clone()));
        out
    };
    let clean = analyse(&files(&[]));
    assert!(clean.cycles.is_empty(), "{:?}", clean.cycles);
    assert!(clean.contract_users.is_empty());

    // Each way one module can name another closes a cycle b → a → … → b.
    for (file, text) in [
        ("c.rs", "pub struct C(crate::b::B);"),
        ("c.rs", "use super::b::B;\npub struct C(B);"),
        (
            "c.rs",
            "#[serde(deserialize_with = \"crate::b::de\")]\npub struct C;",
        ),
        ("c.rs", "macro_rules! m { () => { $crate::b::B } }"),
        ("c.rs", "use crate::b;\nfn f() { b::g() }"),
        (
            "c.rs",
            "#[cfg(test)]\nmod tests {\n    use super::super::b::*;\n}",
        ),
    ] {
        let mut extra = vec![(file, text)];
        extra.push((
            "a/x.rs",
            "use super::Shared;\npub struct X(Shared, crate::c::C);",
        ));
        let found = analyse(&files(&extra));
        assert!(
            found
                .cycles
                .iter()
                .any(|c| c.contains("cycle among {a, b, c}")),
            "{text}: {:?}",
            found.cycles
        );
    }
    // Between submodules: a::x → a::y → a::x (a::y names X through a's re-export).
    let found = analyse(&files(&[("a/x.rs", "pub struct X(super::y::Y);")]));
    assert_eq!(found.cycles.len(), 1, "{:?}", found.cycles);
    assert!(
        found.cycles[0].contains("{a::x, a::y}"),
        "{:?}",
        found.cycles
    );
    // A parent using its child while the child uses the parent.
    let found = analyse(&files(&[(
        "a/mod.rs",
        "pub mod x; pub mod y;\npub struct Shared;\nfn f() -> x::X { todo!() }",
    )]));
    assert!(
        found.cycles.iter().any(|c| c.contains("{a, a::x}")),
        "{:?}",
        found.cycles
    );
    // A re-export named like the module it comes from (`pub mod f; pub use f::f;`) is naming,
    // not needing: no cycle with a child that uses its parent.
    let found = analyse(&files(&[
        (
            "a/mod.rs",
            "pub mod x; pub mod y;\npub use x::x;\npub struct Shared;",
        ),
        ("a/x.rs", "use super::Shared;\npub fn x(_: Shared) {}"),
    ]));
    assert!(found.cycles.is_empty(), "{:?}", found.cycles);
    // Using contract from below it.
    let found = analyse(&files(&[("c.rs", "pub struct C(crate::contract::Op);")]));
    assert_eq!(found.contract_users.len(), 1);
}
