//! A validator for the part of JSON Schema (2020-12) that our schema files use: `type` (one
//! or several), `required`, `properties`, `additionalProperties: false`, `items`, `enum`,
//! `const`, `pattern`, `minimum`, `minLength` and `$ref` to `#/$defs/…`. Anything else in a
//! schema is an error, so a schema cannot silently ask for more than is checked.

use regex::Regex;
use serde_json::Value;

const KNOWN: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "title",
    "description",
    "type",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "pattern",
    "minimum",
    "minLength",
    "$ref",
];

/// Every way `data` breaks `schema`, as `path: problem` lines; empty when it validates.
pub fn validate(schema: &Value, data: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, schema, data, "$", &mut errors);
    errors
}

fn check(root: &Value, schema: &Value, data: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(rules) = schema.as_object() else {
        errors.push(format!("{path}: the schema here is not an object"));
        return;
    };
    for key in rules.keys().filter(|k| !KNOWN.contains(&k.as_str())) {
        errors.push(format!("{path}: the validator does not know `{key}`"));
    }
    if let Some(reference) = rules.get("$ref").and_then(Value::as_str) {
        match reference
            .strip_prefix("#/$defs/")
            .and_then(|name| root["$defs"].get(name))
        {
            Some(target) => check(root, target, data, path, errors),
            None => errors.push(format!("{path}: unknown $ref {reference}")),
        }
    }
    if let Some(types) = rules.get("type") {
        let allowed: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !allowed.iter().any(|t| has_type(data, t)) {
            errors.push(format!(
                "{path}: {data} is not of type {}",
                allowed.join(" or ")
            ));
            return;
        }
    }
    if let Some(options) = rules.get("enum").and_then(Value::as_array)
        && !options.contains(data)
    {
        errors.push(format!(
            "{path}: {data} is not one of {}",
            Value::Array(options.clone())
        ));
    }
    if let Some(constant) = rules.get("const")
        && constant != data
    {
        errors.push(format!("{path}: {data} is not {constant}"));
    }
    if let (Some(pattern), Some(text)) =
        (rules.get("pattern").and_then(Value::as_str), data.as_str())
    {
        let regex = Regex::new(pattern).expect("a valid pattern in the schema");
        if !regex.is_match(text) {
            errors.push(format!("{path}: {data} does not match {pattern}"));
        }
    }
    if let (Some(min), Some(length)) = (
        rules.get("minLength").and_then(Value::as_u64),
        data.as_str(),
    ) && (length.chars().count() as u64) < min
    {
        errors.push(format!("{path}: {data} is shorter than {min}"));
    }
    if let (Some(min), Some(number)) = (rules.get("minimum").and_then(Value::as_f64), data.as_f64())
        && number < min
    {
        errors.push(format!("{path}: {number} is less than {min}"));
    }
    if let Some(object) = data.as_object() {
        let properties = rules.get("properties").and_then(Value::as_object);
        for name in rules
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = name.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                errors.push(format!("{path}: `{name}` is required"));
            }
        }
        for (name, value) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(property) => check(root, property, value, &format!("{path}.{name}"), errors),
                None if rules.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: `{name}` is not allowed"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (rules.get("items"), data.as_array()) {
        for (i, item) in array.iter().enumerate() {
            check(root, items, item, &format!("{path}[{i}]"), errors);
        }
    }
}

fn has_type(data: &Value, name: &str) -> bool {
    match name {
        "object" => data.is_object(),
        "array" => data.is_array(),
        "string" => data.is_string(),
        "integer" => data.is_i64() || data.is_u64(),
        "number" => data.is_number(),
        "boolean" => data.is_boolean(),
        "null" => data.is_null(),
        _ => false,
    }
}
