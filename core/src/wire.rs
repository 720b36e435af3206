//! The wire form 线上格式: the serde helpers the domain's types are read with. It depends on
//! nothing of the domain: each domain module invokes the macros below for its own types
//! ([`tagged_deserialize!`], [`unit_enum_deserialize!`], [`read_by_deserialize!`]) and tests
//! its own enums with `assert_round_trip` (tests only).
//!
//! Internally tagged enums 内部标签枚举 (`{"step":"dispatch","department":"engineering"}`) are
//! read without serde's derive.
//!
//! For `#[serde(tag = "...")]` serde derives a reader that buffers the object into its private
//! `Content` tree and then reads every variant from that tree with a visitor of its own, for
//! both the object and the sequence form: the largest part of the WASM build. The enums of the
//! contract read here instead: [`Buf`] is the same buffer (the value as JSON gave it: members
//! in order, duplicates kept, numbers as unsigned, signed or float), read once through the
//! outer deserializer, and one table-driven reader ([`Rest::fields`]) takes every struct
//! variant's members, so each variant costs a few lines instead of two visitors.
//!
//! The behaviour is the derived one, message for message and in the same order: the tag
//! may come anywhere in the object (or first in a sequence); a missing, repeated or unknown
//! tag; an unknown member (`unknown field `x`, expected one of ...`), a repeated one, a member
//! of the wrong type, a missing one (in declaration order, after the members); members given
//! as a sequence (positional, `invalid length`); unit variants ignore other members; errors
//! from the buffered content carry no position of their own, so the outer reader gives them
//! the position after the enum's value, as it does for serde's. The messages are serde_json's
//! (this module's deserializer reports [`serde_json::Error`]), as the contract reads JSON
//! only. `core/tests/tagged.rs` compares every enum read here with the derived reader on
//! generated inputs.

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Error as _, Expected, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde::Deserialize;
use std::fmt;

/// The errors of the buffered content: serde_json's, so that messages read as they would from
/// the text.
pub(crate) type Error = serde_json::Error;

/// A JSON value as read: members in order with duplicates kept, numbers as the reader gave
/// them (serde's `Content` for JSON input).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Buf {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    /// A number with a fraction or an exponent, kept as the words serde_json's messages give
    /// it (``floating point `1.5` ``), not as a binary float: no member of these enums takes
    /// one (money, rates and scores are decimal strings), so it is only ever refused.
    Float(String),
    Str(String),
    Seq(Vec<Buf>),
    Map(Vec<(String, Buf)>),
}

impl Buf {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Buf::Null => Unexpected::Unit,
            Buf::Bool(b) => Unexpected::Bool(*b),
            Buf::U64(n) => Unexpected::Unsigned(*n),
            Buf::I64(n) => Unexpected::Signed(*n),
            Buf::Float(words) => Unexpected::Other(words),
            Buf::Str(s) => Unexpected::Str(s),
            Buf::Seq(_) => Unexpected::Seq,
            Buf::Map(_) => Unexpected::Map,
        }
    }
}

struct BufVisitor;

impl<'de> Visitor<'de> for BufVisitor {
    type Value = Buf;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Buf, E> {
        Ok(Buf::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Buf, E> {
        Ok(Buf::I64(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Buf, E> {
        Ok(Buf::U64(v))
    }
    // No `visit_f64`: serde's default refuses a fractional number with the words of its
    // refusal in the reader's own wording (``invalid type: floating point `1.5`, expected any
    // value``); `BufNewtype` turns that refusal into a `Buf::Float` of those words. No binary
    // float is kept or handled here: money, rates and scores are decimal strings.
    fn visit_str<E>(self, v: &str) -> Result<Buf, E> {
        Ok(Buf::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Buf, E> {
        Ok(Buf::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Buf, E> {
        Ok(Buf::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Buf, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Buf::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Buf, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            members.push((key, map.next_value()?));
        }
        Ok(Buf::Map(members))
    }
}

/// The name under which a [`Buf`] asks to be read, so that a [`BufDeserializer`] can hand a
/// buffered float's words straight back (any other visitor is only ever given its refusal).
const BUF_TOKEN: &str = "\u{0}wuye::tagged::Buf";

impl<'de> Deserialize<'de> for Buf {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Buf, D::Error> {
        d.deserialize_newtype_struct(BUF_TOKEN, BufNewtype)
    }
}

/// The words of a fractional number (``floating point `1.5` ``) from BufVisitor's refusal of
/// it, the reader's position after it if any.
fn float_words(refusal: &str) -> Option<String> {
    let words = refusal.strip_prefix("invalid type: ")?;
    let end = words.find(", expected any value")?;
    let words = &words[..end];
    words
        .starts_with("floating point `")
        .then(|| words.to_owned())
}

/// Reads a [`Buf`]: from JSON as any value; from a [`BufDeserializer`] holding a float, its
/// words (given as a string, which only this visitor is ever given for a float).
struct BufNewtype;

impl<'de> Visitor<'de> for BufNewtype {
    type Value = Buf;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Buf, D::Error> {
        // A fractional number is refused by BufVisitor (after it was read in full, so the
        // reader goes on after it); its words become the buffered value, to be refused again
        // with the reading type's expectation, as the derived reader refuses it.
        d.deserialize_any(BufVisitor)
            .or_else(|e| float_words(&e.to_string()).map(Buf::Float).ok_or(e))
    }
    fn visit_str<E>(self, words: &str) -> Result<Buf, E> {
        Ok(Buf::Float(words.to_owned()))
    }
    fn visit_string<E>(self, words: String) -> Result<Buf, E> {
        Ok(Buf::Float(words))
    }
}

/// Reads any type from a [`Buf`], as serde's `ContentDeserializer` reads from `Content`.
pub(crate) struct BufDeserializer(pub(crate) Buf);

impl BufDeserializer {
    fn invalid_type(&self, exp: &dyn Expected) -> Error {
        Error::invalid_type(self.0.unexpected(), exp)
    }
}

fn visit_seq<'de, V: Visitor<'de>>(items: Vec<Buf>, visitor: V) -> Result<V::Value, Error> {
    let mut seq = SeqDeserializer {
        iter: items.into_iter(),
        count: 0,
    };
    let value = visitor.visit_seq(&mut seq)?;
    seq.end()?;
    Ok(value)
}

fn visit_map<'de, V: Visitor<'de>>(
    members: Vec<(String, Buf)>,
    visitor: V,
) -> Result<V::Value, Error> {
    let mut map = MapDeserializer {
        iter: members.into_iter(),
        value: None,
        count: 0,
    };
    let value = visitor.visit_map(&mut map)?;
    map.end()?;
    Ok(value)
}

impl<'de> Deserializer<'de> for BufDeserializer {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Null => visitor.visit_unit(),
            Buf::Bool(v) => visitor.visit_bool(v),
            Buf::U64(v) => visitor.visit_u64(v),
            Buf::I64(v) => visitor.visit_i64(v),
            // Every visitor but a Buf's refuses a float, with these words.
            Buf::Float(_) => Err(self.invalid_type(&visitor)),
            Buf::Str(v) => visitor.visit_string(v),
            Buf::Seq(v) => visit_seq(v, visitor),
            Buf::Map(v) => visit_map(v, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Bool(v) => visitor.visit_bool(v),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    /// Every integer type: an integer, whatever its width (the visitor checks the range).
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::U64(v) => visitor.visit_u64(v),
            Buf::I64(v) => visitor.visit_i64(v),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::U64(v) => visitor.visit_u64(v),
            Buf::I64(v) => visitor.visit_i64(v),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Str(v) => visitor.visit_string(v),
            _ => Err(self.invalid_type(&visitor)),
        }
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_byte_buf(visitor)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Str(v) => visitor.visit_string(v),
            Buf::Seq(v) => visit_seq(v, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Null => visitor.visit_unit(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Null => visitor.visit_unit(),
            Buf::Map(ref v) if v.is_empty() => visitor.visit_unit(),
            _ => Err(self.invalid_type(&visitor)),
        }
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Map(ref v) if v.is_empty() => visitor.visit_unit(),
            Buf::Seq(ref v) if v.is_empty() => visitor.visit_unit(),
            _ => self.deserialize_any(visitor),
        }
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Float(words) if name == BUF_TOKEN => visitor.visit_string(words),
            _ => visitor.visit_newtype_struct(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Seq(v) => visit_seq(v, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Map(v) => visit_map(v, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Seq(v) => visit_seq(v, visitor),
            Buf::Map(v) => visit_map(v, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (variant, value) = match self.0 {
            Buf::Map(members) => {
                let mut members = members.into_iter();
                match (members.next(), members.next()) {
                    (Some((variant, value)), None) => (variant, Some(value)),
                    _ => {
                        return Err(Error::invalid_value(
                            Unexpected::Map,
                            &"map with a single key",
                        ))
                    }
                }
            }
            Buf::Str(variant) => (variant, None),
            other => {
                return Err(Error::invalid_type(other.unexpected(), &"string or map"));
            }
        };
        visitor.visit_enum(EnumDeserializer { variant, value })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Buf::Str(v) => visitor.visit_string(v),
            Buf::U64(v) => visitor.visit_u64(v),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// "N elements in sequence" / "N elements in map" of a length error.
struct ExpectedIn(usize, &'static str);

impl Expected for ExpectedIn {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.0 == 1 {
            write!(f, "1 element in {}", self.1)
        } else {
            write!(f, "{} elements in {}", self.0, self.1)
        }
    }
}

struct SeqDeserializer {
    iter: std::vec::IntoIter<Buf>,
    count: usize,
}

impl SeqDeserializer {
    fn end(self) -> Result<(), Error> {
        match self.iter.len() {
            0 => Ok(()),
            remaining => Err(Error::invalid_length(
                self.count + remaining,
                &ExpectedIn(self.count, "sequence"),
            )),
        }
    }
}

impl<'de> SeqAccess<'de> for SeqDeserializer {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.iter.next() {
            Some(value) => {
                self.count += 1;
                seed.deserialize(BufDeserializer(value)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct MapDeserializer {
    iter: std::vec::IntoIter<(String, Buf)>,
    value: Option<Buf>,
    count: usize,
}

impl MapDeserializer {
    fn end(self) -> Result<(), Error> {
        match self.iter.len() {
            0 => Ok(()),
            remaining => Err(Error::invalid_length(
                self.count + remaining,
                &ExpectedIn(self.count, "map"),
            )),
        }
    }
}

impl<'de> MapAccess<'de> for MapDeserializer {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.iter.next() {
            Some((key, value)) => {
                self.count += 1;
                self.value = Some(value);
                seed.deserialize(BufDeserializer(Buf::Str(key))).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(BufDeserializer(value)),
            // Visitors ask for a value only after its key.
            None => Err(Error::custom("a map value was read before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct EnumDeserializer {
    variant: String,
    value: Option<Buf>,
}

impl<'de> EnumAccess<'de> for EnumDeserializer {
    type Error = Error;
    type Variant = VariantDeserializer;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, VariantDeserializer), Error> {
        let variant = seed.deserialize(BufDeserializer(Buf::Str(self.variant)))?;
        Ok((variant, VariantDeserializer(self.value)))
    }
}

struct VariantDeserializer(Option<Buf>);

impl<'de> VariantAccess<'de> for VariantDeserializer {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.0 {
            Some(value) => <()>::deserialize(BufDeserializer(value)),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.0 {
            Some(value) => seed.deserialize(BufDeserializer(value)),
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Some(Buf::Seq(v)) => visit_seq(v, visitor),
            Some(other) => Err(Error::invalid_type(other.unexpected(), &"tuple variant")),
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Some(Buf::Map(v)) => visit_map(v, visitor),
            Some(Buf::Seq(v)) => visit_seq(v, visitor),
            Some(other) => Err(Error::invalid_type(other.unexpected(), &"struct variant")),
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}

/// An internally tagged enum's tag: the member that names the variant, the `expecting`
/// text of its errors and the variants' names (snake_case, in declaration order).
pub(crate) struct Tag {
    /// The tag member, e.g. `step`.
    pub field: &'static str,
    /// `internally tagged enum <Type>`.
    pub expecting: &'static str,
    /// The variants' names on the wire.
    pub variants: &'static [&'static str],
}

/// Reads the variant name of a tag: a string naming one, or (from buffered content) its index.
struct VariantName(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for VariantName {
    type Value = &'static str;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<&'static str, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for VariantName {
    type Value = &'static str;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<&'static str, E> {
        match usize::try_from(v).ok().and_then(|i| self.0.get(i)) {
            Some(name) => Ok(name),
            None => Err(E::invalid_value(
                Unexpected::Unsigned(v),
                &format!("variant index 0 <= i < {}", self.0.len()).as_str(),
            )),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static str, E> {
        match self.0.iter().find(|name| **name == v) {
            Some(name) => Ok(name),
            None => Err(E::unknown_variant(v, self.0)),
        }
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<&'static str, E> {
        match self.0.iter().find(|name| name.as_bytes() == v) {
            Some(name) => Ok(name),
            None => Err(E::unknown_variant(&String::from_utf8_lossy(v), self.0)),
        }
    }
}

/// Takes the tag out of an object (anywhere in it) or a sequence (its first element) and
/// keeps the rest, as serde's `TaggedContentVisitor` does.
struct TaggedVisitor(&'static Tag);

impl<'de> Visitor<'de> for TaggedVisitor {
    type Value = (&'static str, Buf);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0.expecting)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Some(variant) = seq.next_element_seed(VariantName(self.0.variants))? else {
            return Err(A::Error::missing_field(self.0.field));
        };
        let mut rest = Vec::new();
        while let Some(item) = seq.next_element()? {
            rest.push(item);
        }
        Ok((variant, Buf::Seq(rest)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut variant = None;
        let mut rest = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == self.0.field {
                if variant.is_some() {
                    return Err(A::Error::duplicate_field(self.0.field));
                }
                variant = Some(map.next_value_seed(VariantName(self.0.variants))?);
            } else {
                rest.push((key, map.next_value()?));
            }
        }
        match variant {
            Some(variant) => Ok((variant, Buf::Map(rest))),
            None => Err(A::Error::missing_field(self.0.field)),
        }
    }
}

/// Reads an internally tagged enum: the tag and the rest through `d` (its errors are placed
/// by `d`), then the variant from the rest with `build`, given the variant's name.
pub(crate) fn deserialize<'de, D, T>(
    d: D,
    tag: &'static Tag,
    build: fn(&'static str, Rest) -> Result<T, Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let (variant, rest) = d.deserialize_any(TaggedVisitor(tag))?;
    build(variant, Rest(rest)).map_err(D::Error::custom)
}

/// A member type of a struct variant, read from buffered content.
pub(crate) trait Read: Sized {
    /// Reads the value.
    fn read(value: Buf) -> Result<Self, Error>;
}

/// `Read` through the type's `Deserialize`, for the types given. Each module implements it
/// for the member types of its own tagged enums.
macro_rules! read_by_deserialize {
    ($($t:ty),* $(,)?) => {
        $(impl $crate::wire::Read for $t {
            fn read(value: $crate::wire::Buf) -> Result<Self, $crate::wire::Error> {
                <$t as serde::Deserialize>::deserialize($crate::wire::BufDeserializer(value))
            }
        })*
    };
}
pub(crate) use read_by_deserialize;

read_by_deserialize!(bool, u8, u32, i32, i64, String, Option<String>);

/// Where one member's value goes: an `Option` filled once.
pub(crate) trait Slot {
    /// Reads the value into the slot.
    fn fill(&mut self, value: Buf) -> Result<(), Error>;
    /// Whether a value was read.
    fn filled(&self) -> bool;
}

impl<T: Read> Slot for Option<T> {
    fn fill(&mut self, value: Buf) -> Result<(), Error> {
        *self = Some(T::read(value)?);
        Ok(())
    }
    fn filled(&self) -> bool {
        self.is_some()
    }
}

/// What follows the tag: the object's other members, or the sequence's other elements.
pub(crate) struct Rest(Buf);

impl Rest {
    /// A unit variant: other members are ignored; other elements are refused.
    pub(crate) fn unit(self) -> Result<(), Error> {
        match self.0 {
            Buf::Seq(items) if !items.is_empty() => Err(Error::invalid_length(
                items.len(),
                &ExpectedIn(0, "sequence"),
            )),
            _ => Ok(()),
        }
    }

    /// A newtype variant: the rest is the inner value.
    pub(crate) fn newtype<T: Read>(self) -> Result<T, Error> {
        T::read(self.0)
    }

    /// A struct variant's members into `slots` (one per name, in declaration order;
    /// `defaults[i]` when member `i` may be missing). Refuses an unknown or repeated member
    /// and a value of the wrong type, in the order given; in the sequence form a missing
    /// element without a default, and extra elements. Members missing from an object are left
    /// empty (see [`required`]). `expecting` is `struct variant <Type>::<Variant>`.
    pub(crate) fn fields(
        self,
        expecting: &'static str,
        names: &'static [&'static str],
        defaults: &[bool],
        slots: &mut [&mut dyn Slot],
    ) -> Result<(), Error> {
        match self.0 {
            Buf::Map(members) => {
                for (key, value) in members {
                    let Some(i) = names.iter().position(|n| *n == key) else {
                        return Err(Error::unknown_field(&key, names));
                    };
                    if slots[i].filled() {
                        return Err(Error::duplicate_field(names[i]));
                    }
                    slots[i].fill(value)?;
                }
                Ok(())
            }
            Buf::Seq(items) => {
                let mut seq = SeqDeserializer {
                    iter: items.into_iter(),
                    count: 0,
                };
                for (i, slot) in slots.iter_mut().enumerate() {
                    match seq.iter.next() {
                        Some(value) => {
                            seq.count += 1;
                            slot.fill(value)?;
                        }
                        None if defaults[i] => {}
                        None => {
                            let n = names.len();
                            let with = if n == 1 { "element" } else { "elements" };
                            return Err(Error::invalid_length(
                                i,
                                &format!("{expecting} with {n} {with}").as_str(),
                            ));
                        }
                    }
                }
                seq.end()
            }
            other => Err(Error::invalid_type(other.unexpected(), &expecting)),
        }
    }
}

/// A member that may not be missing: its value, or `missing field` (checked in declaration
/// order after the members, as serde does).
pub(crate) fn required<T>(slot: Option<T>, name: &'static str) -> Result<T, Error> {
    slot.ok_or_else(|| Error::missing_field(name))
}

/// `impl Deserialize` for an internally tagged enum through [`deserialize`]: the type, its
/// tag member, then each variant as `Rust = "wire"` followed by nothing (unit), `(Inner)`
/// (newtype) or `{ field: Type, field: Type [default] }` (struct; `[default]` when missing
/// means `Default::default()`).
macro_rules! tagged_deserialize {
    ($ty:ident by $tag:literal {
        $($variant:ident = $name:literal
            $(($inner:ty))?
            $({ $($field:ident : $fty:ty $([$default:ident])?),* $(,)? })?
        ),* $(,)?
    }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                static TAG: $crate::wire::Tag = $crate::wire::Tag {
                    field: $tag,
                    expecting: concat!("internally tagged enum ", stringify!($ty)),
                    variants: &[$($name),*],
                };
                fn build(
                    variant: &'static str,
                    rest: $crate::wire::Rest,
                ) -> Result<$ty, $crate::wire::Error> {
                    match variant {
                        $($name => $crate::wire::tagged_deserialize!(@variant $ty $variant rest
                            $(($inner))?
                            $({ $($field : $fty $([$default])?),* })?),)*
                        // VariantName only gives names of TAG.variants.
                        other => Err(<$crate::wire::Error as serde::de::Error>::unknown_variant(
                            other,
                            TAG.variants,
                        )),
                    }
                }
                $crate::wire::deserialize(d, &TAG, build)
            }
        }
    };
    (@variant $ty:ident $variant:ident $rest:ident) => {{
        $rest.unit()?;
        Ok($ty::$variant)
    }};
    (@variant $ty:ident $variant:ident $rest:ident ($inner:ty)) => {
        Ok($ty::$variant($rest.newtype::<$inner>()?))
    };
    (@variant $ty:ident $variant:ident $rest:ident { $($field:ident : $fty:ty $([$default:ident])?),* }) => {{
        $(let mut $field: Option<$fty> = None;)*
        $rest.fields(
            concat!("struct variant ", stringify!($ty), "::", stringify!($variant)),
            &[$(stringify!($field)),*],
            &[$($crate::wire::tagged_deserialize!(@default $($default)?)),*],
            &mut [$(&mut $field),*],
        )?;
        Ok($ty::$variant {
            $($field: $crate::wire::tagged_deserialize!(@take $field $($default)?)),*
        })
    }};
    (@default default) => { true };
    (@default) => { false };
    (@take $field:ident default) => { $field.unwrap_or_default() };
    (@take $field:ident) => { $crate::wire::required($field, stringify!($field))? };
}
pub(crate) use tagged_deserialize;

// ---- unit-only enums ----------------------------------------------------------------------

/// Reads a unit-only enum 无字段枚举 (`"repair"`, or `{"repair":null}` as serde's derive also
/// takes it) and gives the index of its variant in `names`. serde's derive builds this reader
/// once per enum, each a copy in the WASM build (bindings/js/README.md, Modules); this one is
/// shared by them all, with the derive's messages: `expecting` is the derive's `enum <Type>`,
/// an unknown name is ``unknown variant `x`, expected one of ...``.
pub(crate) fn unit_variant<'de, D: Deserializer<'de>>(
    d: D,
    name: &'static str,
    expecting: &'static str,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    d.deserialize_enum(name, names, UnitEnum { expecting, names })
}

struct UnitEnum {
    expecting: &'static str,
    names: &'static [&'static str],
}

impl<'de> Visitor<'de> for UnitEnum {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (name, variant) = data.variant_seed(VariantName(self.names))?;
        variant.unit_variant()?;
        // VariantName only gives one of `names`; were it not, the refusal it would have made.
        self.names
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| de::Error::unknown_variant(name, self.names))
    }
}

/// `impl Deserialize` for a unit-only enum through [`unit_variant`]: the type, then each
/// variant as `Rust = "wire"` in declaration order. The match below makes a missing variant
/// a compile error; the wire names are checked against the type's `Serialize` by the tests.
macro_rules! unit_enum_deserialize {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let i = $crate::wire::unit_variant(
                    d,
                    stringify!($ty),
                    concat!("enum ", stringify!($ty)),
                    &[$($name),+],
                )?;
                Ok(Self::ALL[i])
            }
        }
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: [$ty; [$(stringify!($variant)),+].len()] = [$($ty::$variant),+];
            #[allow(dead_code)]
            fn _every_variant_listed(v: $ty) {
                match v {
                    $($ty::$variant)|+ => {}
                }
            }
        }
    };
}
pub(crate) use unit_enum_deserialize;

/// Checks (in a module's tests) that every variant of a unit-only enum reads back from what
/// its `Serialize` writes, from text and from buffered content: the wire names in the
/// `unit_enum_deserialize!` list are the derive's.
#[cfg(test)]
pub(crate) fn assert_round_trip<T, const N: usize>(all: [T; N])
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + fmt::Debug,
{
    assert!(!all.is_empty());
    for v in &all {
        let text = serde_json::to_string(v).unwrap();
        assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), v, "{text}");
        let buf: Buf = serde_json::from_str(&text).unwrap();
        assert_eq!(&T::deserialize(BufDeserializer(buf)).unwrap(), v, "{text}");
    }
}

#[cfg(test)]
mod unit_enum_tests {
    use super::{Buf, BufDeserializer};
    use serde::{Deserialize, Serialize};
    use std::fmt::Debug;

    /// An enum read by the macro, as the domain's are (the copy below is serde's derive).
    #[derive(Debug, Clone, Copy, PartialEq, Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Priority {
        Emergency,
        High,
        Normal,
        Low,
    }
    crate::wire::unit_enum_deserialize!(Priority {
        Emergency = "emergency",
        High = "high",
        Normal = "normal",
        Low = "low",
    });

    #[test]
    fn an_enum_reads_its_own_names() {
        super::assert_round_trip(Priority::ALL);
    }

    /// serde's derive of the same enum: the oracle for the messages.
    mod derived {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Priority {
            Emergency,
            High,
            Normal,
            Low,
        }
        #[derive(Debug, PartialEq, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Holder {
            pub p: Option<Priority>,
            pub q: Priority,
        }
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Holder {
        p: Option<Priority>,
        q: Priority,
    }

    fn outcome<T: Debug>(r: Result<T, serde_json::Error>) -> String {
        match r {
            Ok(v) => format!("ok {v:?}"),
            Err(e) => format!("error {e}"),
        }
    }

    /// Accepted and refused as the derive does, message for message and position for
    /// position: alone, inside a struct (also as an Option) and from buffered content.
    #[test]
    fn same_outcome_as_the_derive() {
        let inputs = [
            r#""high""#,
            r#""High""#,
            r#""x""#,
            r#""""#,
            "1",
            "-1",
            "1.5",
            "1e400",
            "null",
            "true",
            "{}",
            "[]",
            r#"["high"]"#,
            r#"{"high":null}"#,
            r#"{"high":1}"#,
            r#"{"x":null}"#,
            r#"{"high":null,"low":null}"#,
            r#"{"high":{}}"#,
            r#"{1:null}"#,
            r#""high"x"#,
            r#"  "low"  "#,
            r#""\u0068igh""#,
        ];
        for input in inputs {
            let ours = serde_json::from_str::<Priority>(input).map(|v| format!("{v:?}"));
            let theirs = serde_json::from_str::<derived::Priority>(input).map(|v| format!("{v:?}"));
            assert_eq!(outcome(ours), outcome(theirs), "alone: {input}");
            for text in [
                format!(r#"{{"p":{input},"q":"low"}}"#),
                format!(r#"{{"q":{input}}}"#),
                format!(r#"{{"p":null,"q":{input}}}"#),
            ] {
                let ours =
                    serde_json::from_str::<Holder>(&text).map(|h| format!("{:?} {:?}", h.p, h.q));
                let theirs = serde_json::from_str::<derived::Holder>(&text)
                    .map(|h| format!("{:?} {:?}", h.p, h.q));
                assert_eq!(outcome(ours), outcome(theirs), "in a struct: {text}");
                let Ok(buf) = serde_json::from_str::<Buf>(&text) else {
                    continue;
                };
                let ours = Holder::deserialize(BufDeserializer(buf.clone()))
                    .map(|h| format!("{:?} {:?}", h.p, h.q));
                let theirs = derived::Holder::deserialize(BufDeserializer(buf))
                    .map(|h| format!("{:?} {:?}", h.p, h.q));
                assert_eq!(outcome(ours), outcome(theirs), "buffered: {text}");
            }
        }
    }
}
