//! The wire form 线上格式: the serde helpers the domain's types are read with. It depends on
//! nothing of the domain: each domain module invokes the macros below for its own types
//! ([`tagged_deserialize!`], [`unit_enum_deserialize!`], [`read_by_deserialize!`]) and tests
//! its own enums with `assert_round_trip` (tests only). The grammar they read is the
//! contract's (docs/contract.md, Wire grammar).
//!
//! Internally tagged enums 内部标签枚举 (`{"step":"dispatch","department":"engineering"}`) are
//! read without serde's derive, which buffers the whole object into its private `Content`
//! tree so that the tag may come anywhere. Here the tag comes first: the reader takes the
//! first member's key, and if it is the tag, the variant's name, then the variant's members
//! straight from the [`MapAccess`] into typed slots (one table-driven loop, [`fields`], for
//! every struct variant). A newtype variant (`Command::Callback(CallbackOutcome)`) hands the
//! rest of the same object to the inner tagged enum.
//!
//! Refused, with serde's messages: a missing or repeated tag, an unknown variant, an unknown
//! member (also on a unit variant), a repeated one, a member of the wrong type, a missing one
//! (in declaration order, after the members); with messages of its own: a tag that is not the
//! first member, and a sequence in place of the object (``invalid type: sequence, expected
//! internally tagged enum X``). Where the faults found by the reader itself are placed: it
//! reads the object to its end first, so the reader's position is after the object (as with
//! serde's buffered reader); a member's own error keeps the position its reader gave it.
//!
//! [`Objects`] makes every other struct an object only too (serde's derived readers also take
//! a struct's members as a positional array); the contract reads its arguments and engine
//! configurations through it ([`from_str`]).

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use std::fmt;
use std::marker::PhantomData;

// ---- internally tagged enums ----------------------------------------------------------------

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

/// The tags read so far in one object: the enum's own and those of the enums whose newtype
/// variant it is (`step` around `outcome`). A later member of one of these names is a
/// repeated tag.
pub(crate) struct Tags<'a> {
    own: &'static str,
    outer: Option<&'a Tags<'a>>,
}

impl Tags<'_> {
    fn find(&self, key: &str) -> Option<&'static str> {
        if self.own == key {
            Some(self.own)
        } else {
            self.outer.and_then(|o| o.find(key))
        }
    }
}

/// An internally tagged enum, as [`tagged_deserialize!`] implements it.
pub(crate) trait Tagged: Sized {
    /// Its tag.
    const TAG: &'static Tag;
    /// Reads the members after the tag into the variant `name` (one of `TAG.variants`).
    fn variant<'de, A: MapAccess<'de>>(
        name: &'static str,
        map: &mut A,
        tags: &Tags<'_>,
    ) -> Result<Self, A::Error>;
}

/// `Deserialize` of an internally tagged enum: an object whose first member is the tag.
pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: Tagged>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(TaggedVisitor(PhantomData))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::TAG.expecting)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        read(&mut map, None)
    }
}

/// Reads a tagged enum from `map`, whose next member must be its tag; `outer`: the tags
/// already read in this object (for a newtype variant's inner enum).
pub(crate) fn read<'de, T: Tagged, A: MapAccess<'de>>(
    map: &mut A,
    outer: Option<&Tags<'_>>,
) -> Result<T, A::Error> {
    let tag = T::TAG;
    let tags = Tags {
        own: tag.field,
        outer,
    };
    match map.next_key_seed(KeyOf {
        names: &[],
        tags: &tags,
    })? {
        None => Err(A::Error::missing_field(tag.field)),
        Some(Key::Tag(t)) if t == tag.field => {
            let name = map.next_value_seed(VariantName(tag.variants))?;
            T::variant(name, map, &tags)
        }
        // An outer tag again (`{"step":"callback","step":...}`): refused where it stands.
        Some(Key::Tag(t)) => Err(A::Error::duplicate_field(t)),
        Some(_) => refuse(
            map,
            A::Error::custom(format_args!(
                "the tag `{}` must be the first member of {}",
                tag.field, tag.expecting
            )),
        ),
    }
}

/// A member's key: the index of a field, a tag already read, or another name.
enum Key {
    Field(usize),
    Tag(&'static str),
    Unknown(String),
}

/// Reads a key against a variant's field names and the tags read.
struct KeyOf<'a> {
    names: &'static [&'static str],
    tags: &'a Tags<'a>,
}

impl<'de> DeserializeSeed<'de> for KeyOf<'_> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeyOf<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(if let Some(t) = self.tags.find(v) {
            Key::Tag(t)
        } else if let Some(i) = self.names.iter().position(|n| *n == v) {
            Key::Field(i)
        } else {
            Key::Unknown(v.to_owned())
        })
    }
}

/// Refuses the object with `e` after the current member's value and the members after it
/// (so that the reader's position is after the object, where serde's buffered reader put
/// it; a syntax error further on is found first, as it was).
fn refuse<'de, A: MapAccess<'de>, T>(map: &mut A, e: A::Error) -> Result<T, A::Error> {
    map.next_value::<Skip>()?;
    while map.next_entry::<Skip, Skip>()?.is_some() {}
    Err(e)
}

/// A member's value read and dropped: through `deserialize_any`, as serde's buffer read it, so
/// a number out of range there is refused where `deserialize_ignored_any` would only scan it;
/// serde's `IgnoredAny` is the visitor (it takes every kind of value, any number included,
/// and scans what an array or object holds).
struct Skip;

impl<'de> serde::Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Skip, D::Error> {
        d.deserialize_any(de::IgnoredAny).map(|_| Skip)
    }
}

/// Where one member's value goes: an `Option` filled once.
pub(crate) trait Slot<'de, A: MapAccess<'de>> {
    /// Reads the next value of `map` into the slot.
    fn fill(&mut self, map: &mut A) -> Result<(), A::Error>;
    /// Whether a value was read.
    fn filled(&self) -> bool;
}

impl<'de, A: MapAccess<'de>, T: Read> Slot<'de, A> for Option<T> {
    fn fill(&mut self, map: &mut A) -> Result<(), A::Error> {
        *self = Some(map.next_value_seed(ReadSeed(PhantomData))?);
        Ok(())
    }
    fn filled(&self) -> bool {
        self.is_some()
    }
}

/// A variant's members after the tag into `slots` (one per name, in declaration order; none
/// for a unit variant). Refuses an unknown or repeated member, the tag again, and a value of
/// the wrong type, the first in the object's order. Members missing are left empty (see
/// [`required`]).
pub(crate) fn fields<'de, A: MapAccess<'de>>(
    map: &mut A,
    tags: &Tags<'_>,
    names: &'static [&'static str],
    slots: &mut [&mut dyn Slot<'de, A>],
) -> Result<(), A::Error> {
    while let Some(key) = map.next_key_seed(KeyOf { names, tags })? {
        match key {
            Key::Field(i) if slots[i].filled() => {
                return refuse(map, A::Error::duplicate_field(names[i]))
            }
            Key::Field(i) => slots[i].fill(map)?,
            // As serde's buffered reader: refused where it stands.
            Key::Tag(t) => return Err(A::Error::duplicate_field(t)),
            Key::Unknown(k) => return refuse(map, A::Error::unknown_field(&k, names)),
        }
    }
    Ok(())
}

/// A member that may not be missing: its value, or `missing field` (checked in declaration
/// order after the members, as serde does).
pub(crate) fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// Reads the variant name of a tag: a string naming one.
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

    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static str, E> {
        match self.0.iter().find(|name| **name == v) {
            Some(name) => Ok(name),
            None => Err(E::unknown_variant(v, self.0)),
        }
    }
}

/// A member type of a struct variant.
pub(crate) trait Read: Sized {
    /// Reads the value.
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

struct ReadSeed<T>(PhantomData<T>);

impl<'de, T: Read> DeserializeSeed<'de> for ReadSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::read(d)
    }
}

/// `Read` through the type's `Deserialize`, for the types given. Each module implements it
/// for the member types of its own tagged enums.
macro_rules! read_by_deserialize {
    ($($t:ty),* $(,)?) => {
        $(impl $crate::wire::Read for $t {
            fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$t as serde::Deserialize>::deserialize(d)
            }
        })*
    };
}
pub(crate) use read_by_deserialize;

read_by_deserialize!(bool, u8, u32, i32, i64, String, Option<String>);

/// `impl Deserialize` for an internally tagged enum through [`deserialize`]: the type, its
/// tag member, then each variant as `Rust = "wire"` followed by nothing (unit), `(Inner)`
/// (newtype, `Inner` a tagged enum declared here too: its tag follows this one's) or
/// `{ field: Type, field: Type [default] }` (struct; `[default]` when missing means
/// `Default::default()`).
macro_rules! tagged_deserialize {
    ($ty:ident by $tag:literal {
        $($variant:ident = $name:literal
            $(($inner:ty))?
            $({ $($field:ident : $fty:ty $([$default:ident])?),* $(,)? })?
        ),* $(,)?
    }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::wire::deserialize(d)
            }
        }
        impl $crate::wire::Tagged for $ty {
            const TAG: &'static $crate::wire::Tag = &$crate::wire::Tag {
                field: $tag,
                expecting: concat!("internally tagged enum ", stringify!($ty)),
                variants: &[$($name),*],
            };
            fn variant<'de, A: serde::de::MapAccess<'de>>(
                name: &'static str,
                map: &mut A,
                tags: &$crate::wire::Tags<'_>,
            ) -> Result<Self, A::Error> {
                match name {
                    $($name => $crate::wire::tagged_deserialize!(@variant $ty $variant map tags
                        $(($inner))?
                        $({ $($field : $fty $([$default])?),* })?),)*
                    // VariantName only gives names of TAG.variants.
                    other => Err(<A::Error as serde::de::Error>::unknown_variant(
                        other,
                        Self::TAG.variants,
                    )),
                }
            }
        }
    };
    (@variant $ty:ident $variant:ident $map:ident $tags:ident) => {{
        $crate::wire::fields($map, $tags, &[], &mut [])?;
        Ok($ty::$variant)
    }};
    (@variant $ty:ident $variant:ident $map:ident $tags:ident ($inner:ty)) => {
        Ok($ty::$variant($crate::wire::read::<$inner, A>($map, Some($tags))?))
    };
    (@variant $ty:ident $variant:ident $map:ident $tags:ident { $($field:ident : $fty:ty $([$default:ident])?),* }) => {{
        $(let mut $field: Option<$fty> = None;)*
        $crate::wire::fields(
            $map,
            $tags,
            &[$(stringify!($field)),*],
            &mut [$(&mut $field as &mut dyn $crate::wire::Slot<'de, A>),*],
        )?;
        Ok($ty::$variant {
            $($field: $crate::wire::tagged_deserialize!(@take $field $($default)?)),*
        })
    }};
    (@take $field:ident default) => { $field.unwrap_or_default() };
    (@take $field:ident) => { $crate::wire::required($field, stringify!($field))? };
}
pub(crate) use tagged_deserialize;

// ---- objects, never positional arrays -----------------------------------------------------

/// A deserializer that reads every struct from an object only: serde's derived readers also
/// take a struct's members as a sequence (`["eng","w1"]`), which the contract refuses
/// (``invalid type: sequence, expected struct X``). Wraps any deserializer, and what it hands
/// to the visitors (maps, sequences, enums, values) in turn, so that every struct inside the
/// value reads the same way; nothing else changes.
pub(crate) struct Objects<T>(pub(crate) T);

macro_rules! forward_deserialize {
    ($($method:ident),*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(Objects(visitor))
        })*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Objects<D> {
    type Error = D::Error;

    forward_deserialize!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Objects(visitor))
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Objects(visitor))
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Objects(visitor))
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Objects(visitor))
    }
    /// The one change: a struct's members come from an object (an empty array reads as an
    /// empty object: PHP's `json_encode` writes `[]` for an empty array, e.g. no aspect
    /// scores); any other sequence is refused with the visitor's `expecting` (`struct X`).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_struct(name, fields, Members(Objects(visitor)))
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Objects(visitor))
    }
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($t:ty)),*) => {
        $(fn $method<E: de::Error>(self, v: $t) -> Result<V::Value, E> {
            self.0.$method(v)
        })*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Objects<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }
    forward_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>)
    );
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Objects(d))
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Objects(d))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Objects(seq))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Objects(map))
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Objects(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Objects<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Objects(d))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Objects<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Objects(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Objects<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Objects(seed))
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Objects(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Objects<A> {
    type Error = A::Error;
    type Variant = Objects<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Objects<A::Variant>), A::Error> {
        let (value, variant) = self.0.variant_seed(Objects(seed))?;
        Ok((value, Objects(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Objects<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Objects(seed))
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Objects(visitor))
    }
    /// A struct variant's members from an object only: the variant's value read as a map.
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.newtype_variant_seed(MapSeed(visitor))
    }
}

/// Reads a value as a map with the visitor (a struct variant's members).
struct MapSeed<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for MapSeed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        d.deserialize_struct("", &[], Members(Objects(self.0)))
    }
}

/// A struct's visitor that takes its members from an object only: a sequence is refused
/// unless it is empty (then no members).
struct Members<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Members<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<V::Value, A::Error> {
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(A::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        self.0.visit_map(NoMembers(PhantomData))
    }
}

/// The members of an empty object.
struct NoMembers<E>(PhantomData<E>);

impl<'de, E: de::Error> MapAccess<'de> for NoMembers<E> {
    type Error = E;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, _: K) -> Result<Option<K::Value>, E> {
        Ok(None)
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, _: T) -> Result<T::Value, E> {
        Err(E::custom("a value without its key"))
    }
}

/// Reads `T` from JSON text as `serde_json::from_str` does, every struct from an object only
/// ([`Objects`]).
pub(crate) fn from_str<'de, T: serde::Deserialize<'de>>(text: &'de str) -> serde_json::Result<T> {
    let mut d = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Objects(&mut d))?;
    d.end()?;
    Ok(value)
}

/// Reads `T` from a JSON value, every struct from an object only ([`Objects`]) (the tests
/// read `Value`s through the adapter; the contract reads text).
#[cfg(test)]
pub(crate) fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> serde_json::Result<T> {
    T::deserialize(Objects(value))
}

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
/// its `Serialize` writes, from text and from a `serde_json::Value`: the wire names in the
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
        let value = serde_json::to_value(v).unwrap();
        assert_eq!(&serde_json::from_value::<T>(value).unwrap(), v, "{text}");
    }
}

#[cfg(test)]
mod unit_enum_tests {
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
    /// position: alone, inside a struct (also as an Option) and from a `serde_json::Value`.
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
                let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
                    continue;
                };
                let ours =
                    Holder::deserialize(value.clone()).map(|h| format!("{:?} {:?}", h.p, h.q));
                let theirs =
                    derived::Holder::deserialize(value).map(|h| format!("{:?} {:?}", h.p, h.q));
                assert_eq!(outcome(ours), outcome(theirs), "from a value: {text}");
            }
        }
    }
}

#[cfg(test)]
mod objects_tests {
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Point {
        x: u8,
        y: u8,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    enum Shape {
        Dot(Point),
        Box { a: Point, b: Option<Point> },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Outer {
        p: Point,
        list: Vec<Point>,
        maybe: Option<Point>,
        shape: Shape,
    }

    const GOOD: &str = r#"{"p":{"x":1,"y":2},"list":[{"x":3,"y":4}],"maybe":null,
        "shape":{"Box":{"a":{"x":5,"y":6},"b":{"x":7,"y":8}}}}"#;

    /// What serde_json reads from an object reads the same; a struct anywhere as an array is
    /// refused with serde's words, where serde_json alone would have taken it.
    #[test]
    fn every_struct_is_an_object() {
        let ours: Outer = super::from_str(GOOD).unwrap();
        assert_eq!(ours, serde_json::from_str::<Outer>(GOOD).unwrap());
        for (from, to, what) in [
            (r#""p":{"x":1,"y":2}"#, r#""p":[1,2]"#, "struct Point"),
            (r#"[{"x":3,"y":4}]"#, "[[3,4]]", "struct Point"),
            (r#""maybe":null"#, r#""maybe":[1,2]"#, "struct Point"),
            (r#""b":{"x":7,"y":8}"#, r#""b":[7,8]"#, "struct Point"),
            (
                r#"{"a":{"x":5,"y":6},"b":{"x":7,"y":8}}"#,
                r#"[{"x":5,"y":6},null]"#,
                "struct variant Shape::Box",
            ),
            (
                r#"{"p":{"x":1,"y":2},"list""#,
                r#"[{"x":1,"y":2},"list""#,
                "struct Outer",
            ),
        ] {
            let text = GOOD.replacen(from, to, 1);
            assert_ne!(text, GOOD);
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
                let e = super::from_value::<Outer>(v).unwrap_err().to_string();
                assert_eq!(
                    e,
                    format!("invalid type: sequence, expected {what}"),
                    "{text}"
                );
            }
            let e = super::from_str::<Outer>(&text).unwrap_err().to_string();
            assert!(
                e.starts_with(&format!("invalid type: sequence, expected {what} at line")),
                "{text}: {e}"
            );
        }
        let text = GOOD.replacen(
            r#""shape":{"Box""#,
            r#""shape":{"Dot":[1,2]},"x":{"Box""#,
            1,
        );
        let e = super::from_str::<Outer>(&text).unwrap_err().to_string();
        assert!(
            e.starts_with("invalid type: sequence, expected struct Point"),
            "{e}"
        );
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Optional {
        a: Option<u8>,
        #[serde(default)]
        b: Vec<u8>,
    }

    /// An empty array is an empty object (PHP's `json_encode` writes `[]` for both).
    #[test]
    fn an_empty_array_is_an_empty_object() {
        let empty = Optional { a: None, b: vec![] };
        assert_eq!(super::from_str::<Optional>("[]").unwrap(), empty);
        assert_eq!(super::from_str::<Optional>(" [ ] ").unwrap(), empty);
        assert_eq!(
            super::from_value::<Optional>(serde_json::json!([])).unwrap(),
            empty
        );
        let e = super::from_str::<Point>("[]").unwrap_err().to_string();
        assert_eq!(e, "missing field `x` at line 1 column 2");
        let e = super::from_str::<Optional>("[1]").unwrap_err().to_string();
        assert!(
            e.starts_with("invalid type: sequence, expected struct Optional"),
            "{e}"
        );
    }
}
