//! `createOrder`: book a parcel with a freight forwarder running an ECCANG-style TMS.
//! Doc: docs/provider-docs/eccang-createOrder.txt (paramsJson参数, Consignee/Shipper/ItemArr/Volume参数).
//!
//! Decisions where the doc contradicts itself:
//! - Its own example sends numbers both as JSON numbers and as numeric strings
//!   (`"invoice_quantity": "1"` and `5`, `"order_weight": 0.175` and `"weight": "1.25"`): every
//!   numeric field accepts both, is sent the way the caller gave it, and non-numeric text is an error.
//! - Enumerated codes typed `string` but written as digits (`mail_cargo_type` 1–8, tax-number
//!   types 1–4) and `is_return` (int 0/1) accept the digits as a number or as text alike.
//! - `payment_type` is "暂停使用该字段" (no longer used): accepted, with a warning.
//! - The response table spells `refrence_no`, its example `reference_no`: both are read.

use std::collections::HashMap;

use serde_json::Value;

use crate::doc::Node;

use super::Service;
use crate::endpoint::Endpoint;
use crate::issue::{Code, Issues, Path};
use crate::normalize::normalize;
use crate::response::Parsed;
use crate::schema::{model, NumberRule, TextCheck};
use crate::words::{bytes_below, bytes_equal, word_at};

pub const SERVICE: &str = "createOrder";

pub static ENDPOINT: Endpoint = Endpoint {
    id: "eccang:createOrder",
    title: "Freight-forwarder TMS order (ECCANG-style web service)",
    title_zh: "订单创建接口",
    order: &CREATE_ORDER,
    rules,
    // The doc's example order, as printed.
    example: include_str!("example.json"),
    transport: &Service { service: SERVICE, parse, response_type: "CreateOrderResponse" },
    // `reference_no` must be unique: a repeat is refused ("already exists"), never a second parcel.
    idempotent: true,
    key_field: Some("reference_no"),
    source: file!(),
};

/// Letters and digits, at most 50 (box and child numbers).
pub static BOX_NUMBER: TextCheck = TextCheck {
    name: "box_number",
    check: |t| !t.is_empty() && t.len() <= 50 && t.bytes().all(|b| b.is_ascii_alphanumeric()),
    expected: "letters and digits only, at most 50, e.g. U001",
    stated: true,
};

/// Service codes separated by `;` (no empty code, no spaces).
pub static EXTRA_SERVICE: TextCheck = TextCheck {
    name: "extra_service",
    check: |t| {
        t.split(';')
            .all(|code| !code.is_empty() && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
    },
    expected: "service codes separated by `;`, e.g. \"A1;B2\"",
    stated: true,
};

/// The EU's IOSS number: `IM` and ten digits.
pub static IOSS: TextCheck = TextCheck {
    name: "ioss",
    check: |t| t.len() == 12 && t.starts_with("IM") && t.bytes().skip(2).all(|b| b.is_ascii_digit()),
    expected: "an IOSS number: IM and ten digits, e.g. IM2760000001",
    stated: true,
};

const WEIGHT: NumberRule = NumberRule { text_ok: true, integer: false, min: Some((0.0, false)), max_decimals: Some(3) };
const AMOUNT: NumberRule = NumberRule { text_ok: true, integer: false, min: Some((0.0, true)), max_decimals: None };
const SIZE: NumberRule = NumberRule { text_ok: true, integer: false, min: Some((0.0, false)), max_decimals: None };
const COUNT: NumberRule = NumberRule { text_ok: true, integer: true, min: Some((1.0, true)), max_decimals: None };

model! {
    /// createOrder `paramsJson`
    CreateOrder => CREATE_ORDER {
        opt is_auto_audit: one_of("Y", "N"), "是否预报,Y是(下单后为预报状态),N否(下单后为草稿状态),默认为Y", "Y: forecast on creation (default), N: draft";
        req reference_no: text, "客户参考号", "your reference (idempotency key)";
        req shipping_method: text, "配送方式/运输方式", "shipping method code";
        req country_code: country2, "收件人国家二字码", "destination country, ISO 3166-1 alpha-2";
        opt extra_service: checked(EXTRA_SERVICE), "附加服务代码,多个以英文分号“;”隔开", "extra service codes, `;`-separated";
        req order_weight: number_or_text(WEIGHT), "订单重量,单位KG,最多3位小数", "weight in kg, > 0, at most 3 decimals";
        opt shipping_method_no: text, "服务商单号", "carrier's waybill number";
        req order_pieces: number_or_text(COUNT), "外包装件数", "number of outer packages";
        opt insurance_value: number_or_text(AMOUNT), "投保金额", "insured value";
        opt mail_cargo_type: int_like_one_of(1, 2, 3, 4, 5, 6, 7, 8),
            "申报类型 1=礼品 2=商品货样 3=文件 4=其他(默认) 5=Marketplace Reseller 6=Marketplace 7=Sale B2B 8=Sale B2C", "declaration type";
        opt is_return: int_like_one_of(0, 1), "是否退回,包裹无人签收时是否退回,1-退回,0-不退回", "return if undeliverable: 1 yes, 0 no";
        opt cargo_type: one_of("B", "C", "D", "L", "W"), "货物类型 B=箱子 C=卡板 D=文件 L=信封 W=包裹(默认)", "cargo type";
        opt sales_amount: number_or_text(AMOUNT), "COD金额", "cash-on-delivery amount";
        opt sales_currency: currency, "COD金额币种", "COD currency";
        opt seller_id: text, "卖家ID", "seller id";
        opt buyer_id: text, "买家ID", "buyer id";
        opt payment_type: text, "暂停使用该字段,默认为预付", "no longer used (prepaid)";
        opt invoice_fee: number_or_text(AMOUNT), "发票运费", "invoiced freight";
        opt other_fee: number_or_text(AMOUNT), "其他费用,快件录单使用", "other fees (express)";
        opt is_COD: one_of("Y", "N"), "是否为COD订单,Y是N否,默认N", "cash on delivery";
        opt reference_id: text, "FBA reference_id", "FBA reference id";
        opt shipment_id: text, "FBA shipment_id", "FBA shipment id";
        opt POANumber: text, "FBA POANumber", "FBA PO number";
        opt warehouse_code: text, "FBA仓库代码", "FBA warehouse code";
        opt platform: one_of("other", "ebay", "amazon", "aliexpress", "wish", "paytm", "etsy", "edis", "vova", "daraz",
            "clicky", "flipkart", "snapdeal", "shopclues"), "平台类型", "marketplace";
        opt platform_number: text, "平台单号", "marketplace order number";
        opt total_amount: number_or_text(AMOUNT), "订单总金额", "order total";
        opt total_amount_currency: currency, "订单总金额币种", "order total currency";
        opt independent_station_url: url, "独立站URL", "web shop URL";
        opt shopname: text, "店铺名称", "shop name";
        opt facility_code: text, "fbj的快递单号", "FBJ tracking number";
        opt ioss: checked(IOSS), "欧盟进口税号IOSS", "EU IOSS number";
        opt customs_declaration_type: text, "报关方式 通过getBasicData接口获取", "export declaration type (getBasicData)";
        opt customs_clearance_type: text, "清关方式 通过getBasicData接口获取", "import clearance type (getBasicData)";
        req Consignee: object(CONSIGNEE, Consignee), "收件人信息", "consignee";
        opt Shipper: object(SHIPPER, Shipper), "发件人信息(如果没传取网站设置的发件人信息)", "shipper (the account's default when absent)";
        req ItemArr: list(ITEM, ItemArr, 1), "海关申报信息", "customs lines (at least one)";
        opt Volume: list(VOLUME, Volume, 0), "材积信息,快件材积,如果传入多个则为一票多件", "boxes; several make a multi-piece shipment";
    }
}

model! {
    /// Consignee参数 (必填项以服务商要求为准)
    Consignee => CONSIGNEE {
        opt consignee_company: text, "收件人公司名", "company";
        opt consignee_province: text, "收件人省", "province or state";
        opt consignee_city: text, "收件人城市", "city";
        opt consignee_street: text, "收件人地址1", "address line 1";
        opt consignee_street2: text, "收件人地址2", "address line 2";
        opt consignee_street3: text, "收件人地址3", "address line 3";
        opt consignee_district: text, "收件人县区(一般不填)", "district (usually empty)";
        opt consignee_postcode: text, "收件人邮编", "postcode";
        opt consignee_name: text, "收件人姓名", "name";
        opt consignee_telephone: text, "收件人电话", "telephone";
        opt consignee_mobile: text, "收件人手机", "mobile";
        opt consignee_email: email, "收件人邮箱", "e-mail";
        opt consignee_certificatetype: one_of("ID", "PP"), "证件类型 ID:身份证 PP:护照", "document type: ID card or passport";
        opt consignee_certificatecode: text, "号码", "document number";
        opt consignee_credentials_period: date, "有效期,格式:2014-04-15", "document expiry, yyyy-MM-dd";
        opt consignee_passport_address: text, "护照签发地", "passport place of issue";
        opt buyer_id: text, "买家ID", "buyer id";
        opt consignee_doorplate: text, "收件人门牌号", "house number";
        opt consignee_taxno: text, "收件人税号(VAT&GST Number)", "VAT/GST number";
        opt consignee_taxno_type: int_like_one_of(1, 2, 3, 4), "收件人税号类型 1=个人 2=公司 3=护照 4=其他", "tax number type";
        opt consignee_eori: text, "收件人EORI", "EORI";
    }
}

model! {
    /// Shipper参数 (必填项以服务商要求为准)
    Shipper => SHIPPER {
        opt shipper_company: text, "发件人公司名", "company";
        opt shipper_countrycode: country2, "发件人国家二字码", "country, ISO 3166-1 alpha-2";
        opt shipper_province: text, "发件人省", "province";
        opt shipper_city: text, "发件人城市", "city";
        opt shipper_street: text, "发件人地址", "address";
        opt shipper_street2: text, "发件人地址2", "address line 2";
        opt shipper_street3: text, "发件人地址3", "address line 3";
        opt shipper_postcode: text, "发件人邮编", "postcode";
        opt shipper_areacode: text, "区域代码", "area code";
        opt shipper_name: text, "发件人姓名", "name";
        opt shipper_telephone: text, "发件人电话", "telephone";
        opt shipper_mobile: text, "发件人手机", "mobile";
        opt shipper_email: email, "发件人邮箱", "e-mail";
        opt shipper_fax: text, "发件人传真", "fax";
        opt shipper_doorplate: text, "发件人门牌号", "house number";
        opt shipper_tax_number: text, "发件人税号", "tax number";
        opt shipper_tax_number_type: int_like_one_of(1, 2, 3, 4), "发件人税号类型 1=个人 2=公司 3=护照 4=其他", "tax number type";
        opt shipper_eori: text, "发件人EORI", "EORI";
    }
}

model! {
    /// ItemArr参数: one customs declaration line
    ItemArr => ITEM {
        opt invoice_enname: text, "英文海关申报品名", "English customs description";
        opt invoice_cnname: text, "中文海关申报品名", "Chinese customs description";
        opt invoice_weight: number_or_text(WEIGHT), "申报重量,单位KG,最多三位小数", "declared weight, kg, at most 3 decimals";
        opt invoice_quantity: number_or_text(COUNT), "申报数量", "declared quantity";
        opt unit_code: one_of("MTR", "PCE", "SET"), "单位 MTR=米 PCE=件(默认) SET=套", "unit";
        opt invoice_unitcharge: number_or_text(AMOUNT), "申报单价", "declared unit value";
        opt invoice_currencycode: currency, "申报币种,默认为USD", "declared currency (USD default)";
        opt hs_code: text, "海关协制编号", "HS code";
        opt invoice_note: text, "配货信息", "picking note";
        opt invoice_url: url, "销售地址", "product page URL";
        opt sku: text, "产品SKU编码", "SKU";
        opt box_number: checked(BOX_NUMBER), "箱子号,长度最多50 与材积信息的箱号对应,不填默认为U001", "box (U001 when absent)";
        opt material: text, "中文材质", "material (Chinese)";
        opt material_enture: text, "英文材质", "material (English)";
        opt product_id: text, "产品ID", "product id";
        opt transaction_id: text, "交易ID", "transaction id";
        opt r#use = "use": text, "用途", "use";
        opt invoice_brand: text, "品牌", "brand";
        opt invoice_brand_type: text, "品牌类型", "brand type";
        opt invoice_category: text, "品类", "category";
        opt invoice_model: text, "型号", "model";
        opt is_magnetoelectric: one_of("N", "E", "M", "Y"), "是否带磁带电 否N 带电E 带磁M 带磁带电Y", "battery/magnet: N none, E battery, M magnet, Y both";
        opt note: text, "备注1", "note 1";
        opt note2: text, "备注2", "note 2";
        opt deal_price: number_or_text(AMOUNT), "成交价", "sale price";
        opt deal_currencycode: currency, "成交价币种,默认为USD", "sale currency";
        opt country_of_origin: country2, "原产国", "country of origin";
        opt shop_sku: text, "FBJ的shop sku", "FBJ shop SKU";
    }
}

model! {
    /// Volume参数: one box
    Volume => VOLUME {
        opt length: number_or_text(SIZE), "长,单位CM", "length, cm";
        opt width: number_or_text(SIZE), "宽,单位CM", "width, cm";
        opt height: number_or_text(SIZE), "高,单位CM", "height, cm";
        opt weight: number_or_text(WEIGHT), "箱子重量,单位KG", "box weight, kg";
        opt child_number: checked(BOX_NUMBER), "子单号,由字母和数字组成,长度最多50 子单号在系统不能重复", "child waybill, unique";
        opt box_number: checked(BOX_NUMBER), "箱号,由字母和数字组成,长度最多50 同一订单箱号不能重复", "box number, unique in the order";
        opt refer_number: checked(BOX_NUMBER), "箱号,等同box_number", "box number (same as box_number)";
        opt reference_id: text, "FBA reference ID", "FBA reference id";
        opt shipment_id: text, "FBA单号", "FBA shipment id";
    }
}

model! {
    /// createOrder response
    CreateOrderResponse => CREATE_ORDER_RESPONSE {
        opt ask: text, "Success / Failure", "outcome";
        opt message: text, "消息", "message";
        opt reference_no: text, "客户参考号", "your reference";
        opt refrence_no: text, "客户参考号 (the doc's table spelling)", "your reference";
        opt order_code: text, "系统生成的运单号", "the forwarder's order code";
        opt shipping_method_no: text, "服务商单号", "carrier's waybill number";
        opt track_status: int_like_one_of(1, 2, 3),
            "1-已产生跟踪号,2-等待后续更新跟踪号(需要异步调用getTrackNumber接口),3-不需要跟踪号", "1 tracking number ready, 2 later (getTrackNumber), 3 none";
        opt sender_info_status: int_like_one_of(0, 1), "0-不需要分配地址,1-需要分配地址", "1 when a sender address must be assigned";
        opt agent_number: text, "代理单号—转单号", "agent (transfer) number";
        opt system_number: text, "第三方系统单号", "third-party system number";
        opt tracking_number_list: any_json, "子单跟踪号", "child tracking numbers";
        opt ODA: text, "偏远地区", "out-of-delivery-area flag";
        opt time_cost = "time_cost(s)": text, "耗时(秒)", "server time, seconds";
    }
}

/// Text that XML 1.0 cannot carry (U+FFFE, U+FFFF, and C0 controls but tab, CR and LF): the
/// envelope would be malformed, or the forwarder's side would meet the control character once it
/// reads the JSON. An error at the field, never a broken envelope. (Lone surrogates never get
/// this far: the JSON reader refuses them.)
fn xml_safe_text(value: &Node, path: &Path, issues: &mut Issues) {
    match value {
        // The bytes first: every character XML refuses is a byte below 0x20 or EF BF BE/BF.
        Node::String(text) if maybe_xml_refused(text.as_bytes()) => {
            if let Some(c) = text.chars().find(
                |&c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'),
            ) {
                issues.error(
                    path,
                    Code::Format,
                    format!("{} holds U+{:04X}, which a SOAP (XML 1.0) envelope cannot carry", path.name(), c as u32),
                );
            }
        }
        Node::Array(items) => items.iter().enumerate().for_each(|(i, v)| xml_safe_text(v, &path.index(i), issues)),
        Node::Object(members) => members.iter().for_each(|(k, v)| xml_safe_text(v, &path.key(k), issues)),
        _ => {}
    }
}

/// Whether `text` may hold a character `xml_safe_text` refuses (a byte scan, no decoding): eight
/// bytes at a time up to the first word with a byte below 0x20 or an 0xEF, byte by byte from there.
fn maybe_xml_refused(text: &[u8]) -> bool {
    let mut start = 0;
    while word_at(text, start).is_some_and(|w| bytes_below(w, 0x20) | bytes_equal(w, 0xEF) == 0) {
        start += 8;
    }
    let rest = text.get(start..).unwrap_or_default();
    rest.iter().enumerate().any(|(i, &b)| {
        b < 0x20 || (b == 0xEF && rest.get(i + 1) == Some(&0xBF) && rest.get(i + 2).is_some_and(|c| *c >= 0xBE))
    })
}

/// The box of an item or a box without a number ("不填默认为U001").
const DEFAULT_BOX: &str = "U001";

/// Box and child numbers unique, every item's box present, COD's amount and currency.
pub fn rules(order: &Node, issues: &mut Issues) {
    let root = Path::Root;
    xml_safe_text(order, &root, issues);
    if order.get("is_COD").and_then(Node::as_str) == Some("Y") {
        for name in ["sales_amount", "sales_currency"] {
            if order.get(name).is_none_or(Node::is_null) {
                issues.error(&root.key(name), Code::Required, format!("`{name}` is required when `is_COD` is Y"));
            }
        }
    }
    if order.get("payment_type").is_some_and(|v| !v.is_null()) {
        issues.warning(
            &root.key("payment_type"),
            Code::Forbidden,
            "`payment_type` is no longer used (暂停使用该字段); the service treats every order as prepaid",
        );
    }
    let boxes = order.get("Volume").and_then(Node::as_array).filter(|b| !b.is_empty());
    let volume = root.key("Volume");
    let box_count = boxes.map_or(0, |b| b.len());
    let mut box_numbers: HashMap<&str, usize> = HashMap::with_capacity(box_count);
    let mut child_numbers: HashMap<&str, usize> = HashMap::with_capacity(box_count);
    for (i, b) in boxes.into_iter().flatten().enumerate() {
        let here = volume.index(i);
        if let Some(number) = b.get("child_number").and_then(Node::as_str) {
            if let Some(first) = child_numbers.insert(number, i) {
                issues.error(
                    &here.key("child_number"),
                    Code::Duplicate,
                    format!("`child_number` {number:?} is already used by Volume/{first}"),
                );
            }
        }
        // `refer_number` "等同box_number" (the same as box_number); a box with neither is U001.
        let (name, number) =
            match (b.get("box_number").and_then(Node::as_str), b.get("refer_number").and_then(Node::as_str)) {
                (Some(n), _) => ("box_number", n),
                (None, Some(n)) => ("refer_number", n),
                (None, None) => ("box_number", DEFAULT_BOX),
            };
        if let Some(first) = box_numbers.insert(number, i) {
            issues.error(&here.key(name), Code::Duplicate, format!("box {number:?} is already used by Volume/{first}"));
        }
    }
    // An empty Volume declares no boxes: nothing to match items against.
    let (Some(_), Some(items)) = (boxes, order.get("ItemArr").and_then(Node::as_array)) else { return };
    let items_path = root.key("ItemArr");
    for (i, item) in items.iter().enumerate() {
        let named = item.get("box_number").and_then(Node::as_str);
        let number = named.unwrap_or(DEFAULT_BOX);
        if !box_numbers.contains_key(number) {
            let path = items_path.index(i);
            let how = if named.is_some() { "" } else { " (the default for an item without box_number)" };
            issues.error(
                &path.key("box_number"),
                Code::Mismatch,
                format!("box {number:?}{how} is not among the boxes in `Volume`"),
            );
        }
    }
}

pub fn parse(body: &str) -> Parsed<Value> {
    match super::read_answer(body) {
        Ok(answer) => super::from_answer(answer, |v| normalize(v, &CREATE_ORDER_RESPONSE)),
        Err(e) => Parsed::Err(e),
    }
}
