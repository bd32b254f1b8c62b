//! The sample shop a newcomer can load to try everything before typing their own data
//! (`assets/samples/shop.json`). Dates in the file are relative ("2 days ago", "3 weeks ago") and
//! are placed around the day the sample is loaded, so deadlines and rates always look current.

use crate::SampleLoaded;
use chrono::{Duration, NaiveDate};
use exportdesk_rules::hs::HsTable;
use exportdesk_rules::rates::{week_start, RateDraft, WeeklyRate};
use exportdesk_rules::records::{
    Buyer, BuyerDraft, Order, OrderDraft, OrderLineDraft, Product, ProductDraft,
};
use exportdesk_rules::{Problem, Problems};
use exportdesk_store::Writer;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};

#[derive(Deserialize)]
struct SampleFile {
    products: Vec<ProductDraft>,
    buyers: Vec<SampleBuyer>,
    orders: Vec<SampleOrder>,
    rates: Vec<SampleRate>,
}

#[derive(Deserialize)]
struct SampleBuyer {
    key: String,
    #[serde(flatten)]
    draft: BuyerDraft,
}

#[derive(Deserialize)]
struct SampleOrder {
    marketplace: String,
    order_no: String,
    buyer: String,
    days_ago: i64,
    currency: String,
    shipping_fee: String,
    incoterm: String,
    destination_country: String,
    lines: Vec<SampleLine>,
}

#[derive(Deserialize)]
struct SampleLine {
    sku: String,
    quantity: String,
    unit_price: String,
}

#[derive(Deserialize)]
struct SampleRate {
    weeks_ago: i64,
    currency: String,
    rate_krw: String,
}

/// The validated sample, ready to write.
pub struct Plan {
    products: Vec<Product>,
    buyers: Vec<(String, Buyer)>,
    orders: Vec<(String, Order)>,
    rates: Vec<WeeklyRate>,
}

fn broken(detail: String) -> Problems {
    Problem::new(
        "sample.invalid",
        format!("예시 데이터 파일이 잘못되었습니다: {detail}"),
        format!("The sample data file is invalid: {detail}"),
    )
    .into()
}

fn prefixed(ps: Problems, what: &str) -> Problems {
    broken(format!("{what}: {ps}"))
}

pub fn plan(today: NaiveDate, hs: &HsTable) -> Result<Plan, Problems> {
    let file: SampleFile = serde_json::from_str(include_str!("../../../assets/samples/shop.json"))
        .map_err(|e| broken(e.to_string()))?;
    let products = file
        .products
        .iter()
        .map(|p| p.validate(0, hs).map_err(|e| prefixed(e, &p.sku)))
        .collect::<Result<Vec<_>, _>>()?;
    let buyers = file
        .buyers
        .iter()
        .map(|b| {
            Ok((
                b.key.clone(),
                b.draft.validate(0).map_err(|e| prefixed(e, &b.key))?,
            ))
        })
        .collect::<Result<Vec<_>, Problems>>()?;
    let mut orders = Vec::new();
    for o in &file.orders {
        let draft = OrderDraft {
            marketplace: o.marketplace.clone(),
            order_no: o.order_no.clone(),
            buyer_id: None,
            order_date: (today - Duration::days(o.days_ago)).to_string(),
            currency: o.currency.clone(),
            shipping_fee: o.shipping_fee.clone(),
            incoterm: o.incoterm.clone(),
            destination_country: o.destination_country.clone(),
            lines: o
                .lines
                .iter()
                .map(|l| OrderLineDraft {
                    product_id: None,
                    sku: l.sku.clone(),
                    description: String::new(),
                    quantity: l.quantity.clone(),
                    unit_price: l.unit_price.clone(),
                    discount: String::new(),
                })
                .collect(),
            order_discount: String::new(),
            // The sample shop sells on marketplaces, which charge shipping on top of the goods.
            shipping_separate: Some(true),
        };
        orders.push((
            o.buyer.clone(),
            draft.validate(0).map_err(|e| prefixed(e, &o.order_no))?,
        ));
    }
    let this_week = week_start(today);
    let rates = file
        .rates
        .iter()
        .map(|r| {
            RateDraft {
                date: (this_week - Duration::weeks(r.weeks_ago)).to_string(),
                currency: r.currency.clone(),
                rate: r.rate_krw.clone(),
                per: None,
                source: Some("예시 데이터 / sample data".into()),
            }
            .validate()
            .map_err(|e| prefixed(Problems(e), &r.currency))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Plan {
        products,
        buyers,
        orders,
        rates,
    })
}

pub fn apply(w: &mut Writer<'_>, plan: Plan) -> Result<SampleLoaded, Problem> {
    let mut sku_ids = HashMap::new();
    let mut descriptions = HashMap::new();
    for p in &plan.products {
        let saved = w.save_product(p)?;
        sku_ids.insert(saved.sku.clone(), saved.id);
        descriptions.insert(saved.sku.clone(), saved.name_en.clone());
    }
    let mut buyer_ids = HashMap::new();
    for (key, b) in &plan.buyers {
        buyer_ids.insert(key.clone(), w.save_buyer(b)?.id);
    }
    let mut countries = BTreeSet::new();
    let order_count = plan.orders.len() as u32;
    for (buyer_key, order) in plan.orders {
        let mut order = order;
        order.buyer_id = Some(*buyer_ids.get(&buyer_key).ok_or_else(|| {
            Problem::new(
                "sample.invalid",
                format!("예시 주문의 구매자 {buyer_key}가 없습니다."),
                format!("Sample buyer {buyer_key} is missing."),
            )
        })?);
        for line in &mut order.lines {
            line.product_id = sku_ids.get(&line.sku).copied();
            line.description = descriptions.get(&line.sku).cloned().unwrap_or_default();
        }
        countries.insert(order.destination_country.code().to_string());
        w.save_order(&order)?;
    }
    for r in &plan.rates {
        w.save_rate(r)?;
    }
    Ok(SampleLoaded {
        products: plan.products.len() as u32,
        buyers: plan.buyers.len() as u32,
        orders: order_count,
        rates: plan.rates.len() as u32,
        countries: countries.len() as u32,
    })
}
