//! Typed values from the [subset reader](super::subset)'s nodes, read as the full YAML
//! parser reads the same text: a plain `12` is a number or a text as the target type asks,
//! a plain `null` an absent option, a quoted one a text. Whatever it is not sure of (a
//! plain scalar where any type would do, `0x1f`, `.inf`, a tuple...) is an error, on which
//! the caller falls back on the full parser.

use super::subset::Node;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;

/// `T` from a node, or `None` when the full parser must read the file.
pub(crate) fn from_node<T: serde::de::DeserializeOwned>(node: &Node<'_>) -> Option<T> {
    T::deserialize(Reader(node)).ok()
}

/// The one error: "not sure, ask the full parser". Its text is never shown.
#[derive(Debug)]
pub(crate) struct Unsure;

impl fmt::Display for Unsure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to the full YAML parser")
    }
}

impl std::error::Error for Unsure {}

impl de::Error for Unsure {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsure
    }
}

/// A deserializer over one node.
struct Reader<'n, 's>(&'n Node<'s>);

impl Reader<'_, '_> {
    /// The text of a plain scalar, which YAML may read as a number, a boolean or null.
    fn plain(&self) -> Result<&str, Unsure> {
        match self.0 {
            Node::Scalar { text, plain: true } => Ok(text),
            _ => Err(Unsure),
        }
    }
}

/// A decimal integer as YAML's core schema writes it: no sign, no leading zero.
fn unsigned(text: &str) -> Option<u64> {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    (digits && !text.is_empty() && (text == "0" || !text.starts_with('0'))).then(|| text.parse().ok())?
}

/// A decimal number: digits, maybe a fraction, maybe a minus sign.
fn decimal(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let value: f64 = (digits(whole) && digits(fraction)).then(|| text.parse().ok())??;
    value.is_finite().then_some(value)
}

impl<'de> de::Deserializer<'de> for Reader<'_, '_> {
    type Error = Unsure;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        match self.0 {
            Node::Scalar { text, plain: false } => visitor.visit_str(text),
            Node::Scalar { plain: true, .. } => Err(Unsure),
            Node::Seq(_) => self.deserialize_seq(visitor),
            Node::Map(_) => self.deserialize_map(visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        match self.plain()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Unsure),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        let text = self.plain()?;
        let magnitude = unsigned(text.strip_prefix('-').unwrap_or(text)).ok_or(Unsure)?;
        let value = i64::try_from(magnitude).map_err(|_| Unsure)?;
        visitor.visit_i64(if text.starts_with('-') { -value } else { value })
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        visitor.visit_u64(unsigned(self.plain()?).ok_or(Unsure)?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        visitor.visit_f64(decimal(self.plain()?).ok_or(Unsure)?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        match self.0 {
            Node::Scalar { text, .. } => visitor.visit_str(text),
            _ => Err(Unsure),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        match self.0 {
            Node::Scalar { text, plain: true } if matches!(&**text, "" | "~" | "null" | "Null" | "NULL") => {
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unsure> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        match self.0 {
            Node::Seq(items) => {
                let mut access = de::value::SeqDeserializer::new(items.iter().map(Reader));
                let value = visitor.visit_seq(&mut access)?;
                access.end()?;
                Ok(value)
            }
            _ => Err(Unsure),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unsure> {
        match self.0 {
            Node::Map(entries) => {
                let entries = entries.iter().map(|(key, value)| (*key, Reader(value)));
                let mut access = de::value::MapDeserializer::new(entries);
                let value = visitor.visit_map(&mut access)?;
                access.end()?;
                Ok(value)
            }
            _ => Err(Unsure),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unsure> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unsure> {
        match self.0 {
            Node::Scalar { text, .. } if !text.is_empty() => visitor.visit_enum(UnitVariant(self)),
            _ => Err(Unsure),
        }
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf unit unit_struct tuple tuple_struct ignored_any
    }
}

impl<'de> IntoDeserializer<'de, Unsure> for Reader<'_, '_> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// An enum written as its variant's name, as YAML writes a variant without data.
struct UnitVariant<'n, 's>(Reader<'n, 's>);

impl<'de> de::EnumAccess<'de> for UnitVariant<'_, '_> {
    type Error = Unsure;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Unsure> {
        let variant = seed.deserialize(Reader(self.0.0))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'_, '_> {
    type Error = Unsure;

    fn unit_variant(self) -> Result<(), Unsure> {
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, _seed: S) -> Result<S::Value, Unsure> {
        Err(Unsure)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, Unsure> {
        Err(Unsure)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Unsure> {
        Err(Unsure)
    }
}
