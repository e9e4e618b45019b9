/* tslint:disable */
/* eslint-disable */

/**  A previewed cargo line. Prices in yuan. */
export interface PreviewCargo {
    /** 商品ID — offer id */
    offerId?: number | string;
    /** 规格ID — spec id */
    specId?: string;
    /** SKU ID — SKU id */
    skuId?: number | string;
    /** 金额(元) — line amount, yuan */
    amount?: number;
    /** 最终单价(元) — final unit price, yuan */
    finalUnitPrice?: number;
    /** 消息 — message */
    message?: string;
    /** 结果码 — result code */
    resultCode?: string;
    /** 商品优惠 — promotions */
    cargoPromotionList?: unknown;
}



/**  Consignee参数 (必填项以服务商要求为准) */
export interface Consignee {
    /** 收件人公司名 — company */
    consignee_company?: string;
    /** 收件人省 — province or state */
    consignee_province?: string;
    /** 收件人城市 — city */
    consignee_city?: string;
    /** 收件人地址1 — address line 1 */
    consignee_street?: string;
    /** 收件人地址2 — address line 2 */
    consignee_street2?: string;
    /** 收件人地址3 — address line 3 */
    consignee_street3?: string;
    /** 收件人县区(一般不填) — district (usually empty) */
    consignee_district?: string;
    /** 收件人邮编 — postcode */
    consignee_postcode?: string;
    /** 收件人姓名 — name */
    consignee_name?: string;
    /** 收件人电话 — telephone */
    consignee_telephone?: string;
    /** 收件人手机 — mobile */
    consignee_mobile?: string;
    /** 收件人邮箱 — e-mail */
    consignee_email?: string;
    /** 证件类型 ID:身份证 PP:护照 — document type: ID card or passport */
    consignee_certificatetype?: "ID" | "PP";
    /** 号码 — document number */
    consignee_certificatecode?: string;
    /** 有效期,格式:2014-04-15 — document expiry, yyyy-MM-dd */
    consignee_credentials_period?: string;
    /** 护照签发地 — passport place of issue */
    consignee_passport_address?: string;
    /** 买家ID — buyer id */
    buyer_id?: string;
    /** 收件人门牌号 — house number */
    consignee_doorplate?: string;
    /** 收件人税号(VAT&GST Number) — VAT/GST number */
    consignee_taxno?: string;
    /** 收件人税号类型 1=个人 2=公司 3=护照 4=其他 — tax number type */
    consignee_taxno_type?: 1 | "1" | 2 | "2" | 3 | "3" | 4 | "4";
    /** 收件人EORI — EORI */
    consignee_eori?: string;
}



/**  ItemArr参数: one customs declaration line */
export interface ItemArr {
    /** 英文海关申报品名 — English customs description */
    invoice_enname?: string;
    /** 中文海关申报品名 — Chinese customs description */
    invoice_cnname?: string;
    /** 申报重量,单位KG,最多三位小数 — declared weight, kg, at most 3 decimals */
    invoice_weight?: number | string;
    /** 申报数量 — declared quantity */
    invoice_quantity?: number | string;
    /** 单位 MTR=米 PCE=件(默认) SET=套 — unit */
    unit_code?: "MTR" | "PCE" | "SET";
    /** 申报单价 — declared unit value */
    invoice_unitcharge?: number | string;
    /** 申报币种,默认为USD — declared currency (USD default) */
    invoice_currencycode?: string;
    /** 海关协制编号 — HS code */
    hs_code?: string;
    /** 配货信息 — picking note */
    invoice_note?: string;
    /** 销售地址 — product page URL */
    invoice_url?: string;
    /** 产品SKU编码 — SKU */
    sku?: string;
    /** 箱子号,长度最多50 与材积信息的箱号对应,不填默认为U001 — box (U001 when absent) */
    box_number?: string;
    /** 中文材质 — material (Chinese) */
    material?: string;
    /** 英文材质 — material (English) */
    material_enture?: string;
    /** 产品ID — product id */
    product_id?: string;
    /** 交易ID — transaction id */
    transaction_id?: string;
    /** 用途 — use */
    "use"?: string;
    /** 品牌 — brand */
    invoice_brand?: string;
    /** 品牌类型 — brand type */
    invoice_brand_type?: string;
    /** 品类 — category */
    invoice_category?: string;
    /** 型号 — model */
    invoice_model?: string;
    /** 是否带磁带电 否N 带电E 带磁M 带磁带电Y — battery/magnet: N none, E battery, M magnet, Y both */
    is_magnetoelectric?: "N" | "E" | "M" | "Y";
    /** 备注1 — note 1 */
    note?: string;
    /** 备注2 — note 2 */
    note2?: string;
    /** 成交价 — sale price */
    deal_price?: number | string;
    /** 成交价币种,默认为USD — sale currency */
    deal_currencycode?: string;
    /** 原产国 — country of origin */
    country_of_origin?: string;
    /** FBJ的shop sku — FBJ shop SKU */
    shop_sku?: string;
}



/**  One seller's preview. Totals in fen. */
export interface OrderPreview {
    /** 是否成功 — false when this seller's preview failed */
    status?: boolean;
    /** 错误码 — 1688 error code, e.g. 500_009 */
    errorCode?: string;
    /** 错误信息 — 1688 error message */
    errorMsg?: string;
    /** 消息 — message */
    message?: string;
    /** 结果码 — result code */
    resultCode?: string;
    /** 总金额(分) — total payable, fen */
    sumPayment?: number;
    /** 运费(分) — shipping, fen */
    sumCarriage?: number;
    /** 不含运费金额(分) — total without shipping, fen */
    sumPaymentNoCarriage?: number;
    /** 优惠(分) — discount, fen */
    discountFee?: number;
    /** 附加费(分) — additional fee, fen */
    additionalFee?: number;
    /** 流程标记 — flow, e.g. general */
    flowFlag?: string;
    /** 交易方式 — trade modes, e.g. assureTrade */
    tradeModeNameList?: unknown;
    /** 淘样单品优惠 — sample promotion */
    taoSampleSinglePromotion?: boolean;
    /** 商品 — cargo lines */
    cargoList?: PreviewCargo[];
    /** 店铺优惠 — shop promotions */
    shopPromotionList?: unknown;
    /** 交易模式 — trade models */
    tradeModelList?: TradeModel[];
    /** 卖家openId — seller's open id */
    sellerOpenId?: string;
}



/**  Options of `parseResponse` and `parseTopResponse`. */
export interface ParseOptions {
    /** Simplified answers: the request was sent with TOP's `simplify`: the answer has no `<method>_response` wrapper (other providers ignore it) */
    simplify?: boolean;
}



/**  Options of `prepareEccang`, and of `prepare` for an ECCANG endpoint. */
export interface EccangOptions {
    /** App token: never in an error or a log; it is in the request body, as the service requires */
    appToken: string;
    /** App key: the account's app key */
    appKey: string;
    /** Web service URL: the forwarder's web service URL (each forwarder has its own) */
    endpoint: string;
}



/**  Options of `preparePandapon`, and of `prepare` for a PandaPon endpoint. */
export interface PandaponOptions {
    /** Access key: the account's access key, sent and signed */
    accessKey: string;
    /** Access secret: never appears in an error, a log or a preview */
    accessSecret: string;
    /** User id: sub-account control; sent, not signed */
    userId: string;
    /** Timestamp: epoch milliseconds, a `Date`, or the header's digits; now when absent */
    timestamp?: number | Date | string;
    /** Timestamp unit: `milliseconds` (as in the doc's example) when absent */
    timestampUnit?: "milliseconds" | "seconds";
    /** Nonce: 32 random hex characters from Web Crypto when absent */
    nonce?: string;
    /** Base URL: `https://api.pandapon.com` when absent */
    baseUrl?: string;
}



/**  Options of `prepareTop`, and of `prepare` for a TOP endpoint. */
export interface TopOptions {
    /** App key: the app's key (AppKey) */
    appKey: string;
    /** App secret: never appears in an error, a log or a preview */
    appSecret: string;
    /** Session key: the seller's session key, for methods that act for a seller */
    session?: string;
    /** Sign method: `md5` when absent */
    signMethod?: "md5" | "hmac" | "hmac-sha256";
    /** Timestamp: `yyyy-MM-dd HH:mm:ss` in GMT+8, a `Date`, or epoch milliseconds; now when absent */
    timestamp?: string | Date | number;
    /** Gateway URL: `https://gw.api.taobao.com/router/rest` when absent */
    gateway?: string;
    /** Simplified answers: asks TOP for answers without the method's wrapper */
    simplify?: boolean;
    /** Partner id: the SDK partner id, sent as `partner_id` */
    partnerId?: string;
    /** Target app key: the app key of the app called, sent as `target_app_key` */
    targetAppKey?: string;
}



/**  Shipper参数 (必填项以服务商要求为准) */
export interface Shipper {
    /** 发件人公司名 — company */
    shipper_company?: string;
    /** 发件人国家二字码 — country, ISO 3166-1 alpha-2 */
    shipper_countrycode?: string;
    /** 发件人省 — province */
    shipper_province?: string;
    /** 发件人城市 — city */
    shipper_city?: string;
    /** 发件人地址 — address */
    shipper_street?: string;
    /** 发件人地址2 — address line 2 */
    shipper_street2?: string;
    /** 发件人地址3 — address line 3 */
    shipper_street3?: string;
    /** 发件人邮编 — postcode */
    shipper_postcode?: string;
    /** 区域代码 — area code */
    shipper_areacode?: string;
    /** 发件人姓名 — name */
    shipper_name?: string;
    /** 发件人电话 — telephone */
    shipper_telephone?: string;
    /** 发件人手机 — mobile */
    shipper_mobile?: string;
    /** 发件人邮箱 — e-mail */
    shipper_email?: string;
    /** 发件人传真 — fax */
    shipper_fax?: string;
    /** 发件人门牌号 — house number */
    shipper_doorplate?: string;
    /** 发件人税号 — tax number */
    shipper_tax_number?: string;
    /** 发件人税号类型 1=个人 2=公司 3=护照 4=其他 — tax number type */
    shipper_tax_number_type?: 1 | "1" | 2 | "2" | 3 | "3" | 4 | "4";
    /** 发件人EORI — EORI */
    shipper_eori?: string;
}



/**  Volume参数: one box */
export interface Volume {
    /** 长,单位CM — length, cm */
    length?: number | string;
    /** 宽,单位CM — width, cm */
    width?: number | string;
    /** 高,单位CM — height, cm */
    height?: number | string;
    /** 箱子重量,单位KG — box weight, kg */
    weight?: number | string;
    /** 子单号,由字母和数字组成,长度最多50 子单号在系统不能重复 — child waybill, unique */
    child_number?: string;
    /** 箱号,由字母和数字组成,长度最多50 同一订单箱号不能重复 — box number, unique in the order */
    box_number?: string;
    /** 箱号,等同box_number — box number (same as box_number) */
    refer_number?: string;
    /** FBA reference ID — FBA reference id */
    reference_id?: string;
    /** FBA单号 — FBA shipment id */
    shipment_id?: string;
}



/**  createOrder `paramsJson` */
export interface CreateOrder {
    /** 是否预报,Y是(下单后为预报状态),N否(下单后为草稿状态),默认为Y — Y: forecast on creation (default), N: draft */
    is_auto_audit?: "Y" | "N";
    /** 客户参考号 — your reference (idempotency key) */
    reference_no: string;
    /** 配送方式/运输方式 — shipping method code */
    shipping_method: string;
    /** 收件人国家二字码 — destination country, ISO 3166-1 alpha-2 */
    country_code: string;
    /** 附加服务代码,多个以英文分号“;”隔开 — extra service codes, `;`-separated */
    extra_service?: string;
    /** 订单重量,单位KG,最多3位小数 — weight in kg, > 0, at most 3 decimals */
    order_weight: number | string;
    /** 服务商单号 — carrier's waybill number */
    shipping_method_no?: string;
    /** 外包装件数 — number of outer packages */
    order_pieces: number | string;
    /** 投保金额 — insured value */
    insurance_value?: number | string;
    /** 申报类型 1=礼品 2=商品货样 3=文件 4=其他(默认) 5=Marketplace Reseller 6=Marketplace 7=Sale B2B 8=Sale B2C — declaration type */
    mail_cargo_type?: 1 | "1" | 2 | "2" | 3 | "3" | 4 | "4" | 5 | "5" | 6 | "6" | 7 | "7" | 8 | "8";
    /** 是否退回,包裹无人签收时是否退回,1-退回,0-不退回 — return if undeliverable: 1 yes, 0 no */
    is_return?: 0 | "0" | 1 | "1";
    /** 货物类型 B=箱子 C=卡板 D=文件 L=信封 W=包裹(默认) — cargo type */
    cargo_type?: "B" | "C" | "D" | "L" | "W";
    /** COD金额 — cash-on-delivery amount */
    sales_amount?: number | string;
    /** COD金额币种 — COD currency */
    sales_currency?: string;
    /** 卖家ID — seller id */
    seller_id?: string;
    /** 买家ID — buyer id */
    buyer_id?: string;
    /** 暂停使用该字段,默认为预付 — no longer used (prepaid) */
    payment_type?: string;
    /** 发票运费 — invoiced freight */
    invoice_fee?: number | string;
    /** 其他费用,快件录单使用 — other fees (express) */
    other_fee?: number | string;
    /** 是否为COD订单,Y是N否,默认N — cash on delivery */
    is_COD?: "Y" | "N";
    /** FBA reference_id — FBA reference id */
    reference_id?: string;
    /** FBA shipment_id — FBA shipment id */
    shipment_id?: string;
    /** FBA POANumber — FBA PO number */
    POANumber?: string;
    /** FBA仓库代码 — FBA warehouse code */
    warehouse_code?: string;
    /** 平台类型 — marketplace */
    platform?: "other" | "ebay" | "amazon" | "aliexpress" | "wish" | "paytm" | "etsy" | "edis" | "vova" | "daraz" | "clicky" | "flipkart" | "snapdeal" | "shopclues";
    /** 平台单号 — marketplace order number */
    platform_number?: string;
    /** 订单总金额 — order total */
    total_amount?: number | string;
    /** 订单总金额币种 — order total currency */
    total_amount_currency?: string;
    /** 独立站URL — web shop URL */
    independent_station_url?: string;
    /** 店铺名称 — shop name */
    shopname?: string;
    /** fbj的快递单号 — FBJ tracking number */
    facility_code?: string;
    /** 欧盟进口税号IOSS — EU IOSS number */
    ioss?: string;
    /** 报关方式 通过getBasicData接口获取 — export declaration type (getBasicData) */
    customs_declaration_type?: string;
    /** 清关方式 通过getBasicData接口获取 — import clearance type (getBasicData) */
    customs_clearance_type?: string;
    /** 收件人信息 — consignee */
    Consignee: Consignee;
    /** 发件人信息(如果没传取网站设置的发件人信息) — shipper (the account's default when absent) */
    Shipper?: Shipper;
    /** 海关申报信息 — customs lines (at least one) */
    ItemArr: ItemArr[];
    /** 材积信息,快件材积,如果传入多个则为一票多件 — boxes; several make a multi-piece shipment */
    Volume?: Volume[];
}



/**  createOrder response */
export interface CreateOrderResponse {
    /** Success / Failure — outcome */
    ask?: string;
    /** 消息 — message */
    message?: string;
    /** 客户参考号 — your reference */
    reference_no?: string;
    /** 客户参考号 (the doc's table spelling) — your reference */
    refrence_no?: string;
    /** 系统生成的运单号 — the forwarder's order code */
    order_code?: string;
    /** 服务商单号 — carrier's waybill number */
    shipping_method_no?: string;
    /** 1-已产生跟踪号,2-等待后续更新跟踪号(需要异步调用getTrackNumber接口),3-不需要跟踪号 — 1 tracking number ready, 2 later (getTrackNumber), 3 none */
    track_status?: 1 | "1" | 2 | "2" | 3 | "3";
    /** 0-不需要分配地址,1-需要分配地址 — 1 when a sender address must be assigned */
    sender_info_status?: 0 | "0" | 1 | "1";
    /** 代理单号—转单号 — agent (transfer) number */
    agent_number?: string;
    /** 第三方系统单号 — third-party system number */
    system_number?: string;
    /** 子单跟踪号 — child tracking numbers */
    tracking_number_list?: unknown;
    /** 偏远地区 — out-of-delivery-area flag */
    ODA?: string;
    /** 耗时(秒) — server time, seconds */
    "time_cost(s)"?: string;
}



/**  previewbatch `data` */
export interface PreviewBatchData {
    /** 订单预览结果 (the API's own spelling) — one preview per seller */
    orderPreviewResuslt?: OrderPreview[];
    /** 是否成功 — success */
    success?: boolean;
    /** 错误码 — error code */
    errorCode?: string;
    /** 错误信息 — error message */
    errorMsg?: string;
    /** 运费说明的商品 — offers whose postage is by description */
    postFeeByDescOfferList?: unknown;
    /** 代发商品 — drop-shipping offers */
    consignOfferList?: unknown;
    /** 不支持跨境宝支付的商品 — offers that cannot be paid cross-border */
    unsupportedCrossBorderPayOfferList?: unknown;
    /** 卖家openId — seller's open id */
    sellerOpenId?: string;
}



/**  previewbatch body: one delivery address, cargo lines from any number of sellers */
export interface PreviewBatchRequest {
    /** 收货地址 — delivery address */
    addressParam: AddressParam;
    /** 商品信息 — cargo lines (at least one) */
    cargoParamList: CargoParam[];
}



/**  previewbatch response */
export interface PreviewBatchResponse {
    /** 请求ID — request id */
    requestId?: string;
    /** 返回码 (200 成功) — status code, 200 on success */
    code?: number;
    /** 开发者ID — developer id */
    developId?: string;
    /** 消息 — message */
    msg?: string;
    /** 数据 — previews */
    data?: PreviewBatchData;
}



/**  交易模式 */
export interface TradeModel {
    /** 交易类型 — trade type, e.g. assureTrade */
    tradeType?: string;
    /** 名称 — name, e.g. 担保交易 */
    name?: string;
    /** 说明 — description */
    description?: string;
    /** 是否支持 — supported */
    opSupport?: boolean;
    /** 交易方式 — trade way */
    tradeWay?: string;
}



/**  创建的订单 */
export interface OrderResultTrade {
    /** 优惠金额 — discount, fen */
    discount_fee?: number;
    /** 用户昵称 — buyer's nickname */
    user_nick?: string;
    /** 订单状态 — order status, e.g. PAID_DONE */
    order_status?: string;
    /** 支付时间 — time paid */
    pay_time?: unknown;
    /** 订单原金额 — amount before discount, fen */
    origin_fee?: number;
    /** 用户备注 — buyer's note */
    user_mem?: string;
    /** 订单履约状态 — fulfilment status, e.g. SHIPPING */
    order_fulfill_status?: string;
    /** 配送员信息 — courier */
    deliverer?: OrderResultDeliverer;
    /** 支付金额 — amount paid, fen */
    pay_fee?: number;
    /** 门店标识 — store id */
    shop_id?: string;
    /** 买家标识 — buyer id */
    user_id?: string;
    /** 业务订单标识 — Hema order id */
    biz_order_id?: string;
    /** 收货人信息 — consignee and delivery */
    delivery?: OrderResultDelivery;
    /** 商家编码 — merchant code */
    merchant_code?: string;
    /** 子订单 — sub-orders */
    sub_orders?: OrderResultSuborder[];
    /** 外部订单标识 — your order id */
    out_order_id?: string;
}



/**  商品信息 (cargoParamList item) */
export interface CargoParam {
    /** 商品ID — 1688 offer id (a string past 2^53) */
    offerId: number | string;
    /** 规格ID (单规格商品不传) — spec id: leave out for single-spec offers */
    specId?: string;
    /** 数量 — quantity (1688 takes a Double) */
    quantity: number;
    /** 卖家openId — seller's open id (the doc marks it required; its own example omits it) */
    sellerOpenId?: string;
}



/**  子订单 (response) */
export interface OrderResultSuborder {
    /** 订单履约状态 — fulfilment status */
    order_fulfill_status?: string;
    /** 销售数量 — quantity sold */
    sale_quantity?: number;
    /** sku名称 — SKU name */
    sku_name?: string;
    /** 销售单价 — unit price, fen */
    sale_price?: number;
    /** 业务订单标识 — Hema sub-order id */
    biz_order_id?: string;
    /** 订单状态 — order status */
    order_status?: string;
    /** 商家编码 — merchant code */
    merchant_code?: string;
    /** sku编码 — SKU code */
    sku_code?: string;
    /** 外部订单标识 — your sub-order id */
    out_order_id?: string;
    /** 当前商品支付原总价 — line amount before discount, fen */
    origin_fee?: number;
    /** 销售单位 — sales unit */
    sale_unit?: string;
    /** 门店编码 — store code */
    shop_id?: string;
    /** 是否加工 — whether processed */
    handling?: boolean;
    /** 加工方式 — processing */
    handling_type?: string;
    /** 销售实物库存数量 — stock quantity sold */
    sale_stock_quantity?: string;
    /** 实物库存单位 — stock unit */
    stock_unit?: string;
    /** 子商品优惠金额 — line discount, fen */
    discount_fee?: number;
    /** 子商品实际支付金额 — line amount paid, fen */
    pay_fee?: number;
}



/**  子订单 */
export interface Suborders {
    /** 销售数量 — quantity sold */
    sale_quantity: number;
    /** sku名称 — SKU name */
    sku_name: string;
    /** 销售单价 — unit price, fen */
    sale_price: number;
    /** sku编码 — SKU code */
    sku_code: string;
    /** 外部关联标识 — your sub-order id (unique within the order) */
    out_order_id: string;
    /** 当前商品支付原总价 — line amount before discount, fen */
    origin_fee: number;
    /** 销售单位(非标品使用) — sales unit (non-standard goods) */
    sale_unit?: string;
    /** 是否加工 — whether processed */
    handling?: boolean;
    /** 加工方式 — processing, e.g. 切片 */
    handling_type?: string;
    /** 销售实物库存数量 — physical stock quantity sold, numeric text */
    sale_stock_quantity: string;
    /** 实物库存单位 — stock unit, e.g. g */
    stock_unit: string;
    /** 子商品优惠金额(可以为0) — line discount, fen */
    discount_fee?: number;
    /** 子商品实际支付金额(=商品原总-优惠金额价) — line amount paid = origin_fee − discount_fee, fen */
    pay_fee?: number;
}



/**  待创建的订单 (alibaba.wdk.trade.order.create `trade`). Fees in fen. */
export interface TradeOrder {
    /** 优惠金额 — discount on the whole order, fen */
    discount_fee?: number;
    /** 用户昵称 — buyer's nickname */
    user_nick?: string;
    /** 支付时间 — time paid, yyyy-MM-dd HH:mm:ss */
    pay_time: string;
    /** 订单原金额 — order amount before discount, fen */
    origin_fee: number;
    /** 用户备注 — buyer's note */
    user_mem?: string;
    /** 支付金额(=整单原价-整单优惠金额+运费) — amount paid = origin_fee − discount_fee + delivery_fee, fen */
    pay_fee: number;
    /** 门店标识 — store id */
    shop_id: string;
    /** 买家标识 — buyer id */
    user_id: string;
    /** 收货人信息 — consignee and delivery */
    delivery?: OrderDelivery;
    /** 子订单 — sub-orders (at least one) */
    sub_orders: Suborders[];
    /** 外部关联标识 — your order id */
    out_order_id: string;
    /** 渠道业务, 如大润发优鲜=CHANNEL_HALFDAY — channel business, e.g. CHANNEL_HALFDAY */
    biz_type?: string;
}



/**  意向单商品结构 */
export interface IntentionOrderProduct {
    /** 商品描述 — description */
    product_desc?: string;
    /** 商品规格描述 — specification */
    product_spec?: string;
    /** SKU ID,跟国际站SKU ID保持一致 — Alibaba.com SKU id */
    sku_id?: string;
    /** 商品数量 — quantity, decimal text */
    quantity?: string;
    /** 商品原始单价 — original unit price, decimal text */
    original_unit_price?: string;
    /** 商品单价 — unit price, decimal text */
    unit_price?: string;
    /** 商品单位 — unit, e.g. Pieces */
    unit?: string;
    /** 商品图片地址URL,先调用API(alibaba.order.picture.upload)上传图片 — image URL (upload with alibaba.order.picture.upload) */
    image_url?: string;
    /** 商品类型 — product type */
    "type"?: "Sample" | "Customized" | "Standard";
    /** 商品名称 — name */
    name?: string;
    /** 商品ID,跟国际站商品ID保持一致 — Alibaba.com product id */
    product_id?: number | string;
    /** 商品扩展属性 (JSON结构字符串) — product extension properties, JSON text */
    properties?: string;
}



/**  意向单物流结构 */
export interface IntentionOrderLogistics {
    /** 物流费 — shipping fee, decimal text */
    shipment_fee?: string;
    /** 收货国家 — destination country */
    country?: string;
    /** 收货城市 — destination city */
    city?: string;
    /** 收货城市代码 — destination city code */
    city_code?: string;
    /** 收货人 — consignee */
    contact_person?: string;
    /** 发货港 — port of departure */
    departure_port?: string;
    /** 发货日期类型:绝对时间/预付款收齐/尾款收齐 — ship-date type: absolute date / days after advance / days after balance */
    delivery_date_type?: "absolute" | "relative" | "relative_balance";
    /** 物流地址ID(根据国际站的物流地址ID保持一致) — Alibaba.com logistics address id */
    address_id?: string;
    /** 发货时间,适用于预付款收齐后多少天发货、尾款收齐后多少天发货两种发货类型 单位:天 — days after payment until shipment */
    delivery_date_relative_duration?: number;
    /** 运输方式 快递/空运/海运/陆运 — shipment method */
    shipment_method?: "express" | "air" | "sea" | "land";
    /** 收货省/州 — destination province or state */
    province?: string;
    /** 发货城市代码 — departure city code */
    departure_city_code?: string;
    /** 收货国家代码 — destination country, ISO 3166-1 alpha-2 */
    country_code?: string;
    /** 绝对发货时间,格式传 yyyy-MM-dd HH:mm:ss — absolute ship date */
    delivery_date_absolute_time?: string;
    /** 收货人传真结构 — consignee's fax */
    fax?: Phone;
    /** 发货港口代码 — port of departure code */
    departure_port_code?: string;
    /** 收货人邮编 — consignee's postcode */
    zip?: string;
    /** 收货详细地址 — delivery address */
    address?: string;
    /** 发货城市 — departure city */
    departure_city?: string;
    /** 收货人省/州代码 — destination province or state code */
    province_code?: string;
    /** 收货人移动电话结构 — consignee's mobile */
    mobile?: Phone;
    /** 收货人电话结构 — consignee's telephone */
    telephone?: Phone;
    /** 收货人港口代码 — port of destination code */
    port_code?: string;
    /** 承运商 — carrier */
    carrier?: string;
    /** 收货人港口名称 — port of destination */
    port?: string;
    /** 承运商代码 — carrier code */
    carrier_code?: string;
    /** 收货人备份详细地址 — alternate delivery address */
    alternate_address?: string;
    /** 物流扩展属性 (JSON字符串格式) — logistics extension properties, JSON text */
    properties?: string;
}



/**  意向单结构 (alibaba.intention.order.save `intention_order`) */
export interface IntentionOrderSaveRequest {
    /** 买家传真号码 — buyer's fax number */
    buyer_fax?: string;
    /** 买家电话号码 — buyer's telephone number */
    buyer_telephone?: string;
    /** 买家电邮地址 — buyer's e-mail address */
    buyer_email?: string;
    /** 订单备注 — order remark */
    remark?: string;
    /** 贸易条款 — trade term (Incoterm), e.g. FOB */
    trade_term?: string;
    /** 买家邮编 — buyer's postcode */
    buyer_zip_code?: string;
    /** 订单总价 — order total, decimal text */
    order_amount?: string;
    /** 买家城市 — buyer's city */
    buyer_city?: string;
    /** 意向单物流结构 — logistics */
    intention_order_logistics?: IntentionOrderLogistics;
    /** 交易货币类型 — trade currency, ISO 4217 */
    currency?: string;
    /** 渠道订单ID — channel order id */
    source_channel_refer_id?: string;
    /** 买家省/州 — buyer's province or state */
    buyer_province?: string;
    /** 买家联系地址 — buyer's contact address */
    buyer_contact_address?: string;
    /** 买家收货港口名称 — buyer's port of delivery */
    buyer_country_port?: string;
    /** 意向单商品结构 — products */
    intention_order_products?: IntentionOrderProduct[];
    /** 买家收货港口代码 — buyer's port code */
    buyer_country_port_code?: string;
    /** 意向单ID,如果是创建意向单不需要填写 — intention order id: give it only to update that order */
    intention_order_id?: string;
    /** 买家名称 — buyer's name */
    buyer_name?: string;
    /** 买家公司名称 — buyer's company */
    buyer_company_name?: string;
    /** 买家国家代码 — buyer's country, ISO 3166-1 alpha-2 */
    buyer_country_code?: string;
    /** 买家国家 — buyer's country */
    buyer_country?: string;
    /** 预付款金额 — advance payment, decimal text */
    advanced_amount?: string;
    /** 买家省/州代码 — buyer's province or state code */
    buyer_province_code?: string;
    /** 买家城市代码 — buyer's city code */
    buyer_city_code?: string;
    /** 买家移动电话 — buyer's mobile */
    buyer_mobile?: string;
    /** 订单扩展属性 (JSON结构字符串) — order extension properties, JSON text */
    properties?: string;
    /** 订单状态 起草意向单/已和买家联系/买家已确认/双方确定/已取消 — status */
    status?: "DRAFT" | "APPROACHED" | "BUYER_CONFIRMED" | "CONFIRMED" | "CANCELLED";
}



/**  执行结果 (alibaba.wdk.trade.order.create `result`) */
export interface OrderResult {
    /** 创建的订单 — the created order */
    trade?: OrderResultTrade;
    /** 是否创建成功 — whether the order was created */
    success?: boolean;
    /** 错误编码 — error code */
    error_code?: string;
    /** 错误消息 — error message */
    error_msg?: string;
}



/**  收货人信息 (response) */
export interface OrderResultDelivery {
    /** 收货开始时间 — delivery window start */
    delivery_start_time?: unknown;
    /** 收货人 — consignee */
    consignee_name?: string;
    /** 收货结束时间 — delivery window end */
    delivery_end_time?: unknown;
    /** 配送坐标 — coordinates, lng,lat */
    delivery_geo?: string;
    /** 运费 — delivery fee, fen */
    delivery_fee?: number;
    /** 配送地址 — address */
    delivery_address?: string;
    /** 收货人电话 — consignee's phone */
    consignee_phone?: string;
    /** 是否隐私号 0:非隐私号 1:隐私号 — privacy number flag */
    privacy_phone_flag?: 0 | 1;
    /** 商家编码 — merchant code */
    merchant_code?: string;
}



/**  收货人信息 */
export interface OrderDelivery {
    /** 配送开始时间 — delivery window start */
    delivery_start_time?: string;
    /** 收货人姓名 — consignee's name */
    consignee_name: string;
    /** 配送结束时间 — delivery window end */
    delivery_end_time?: string;
    /** 配送坐标 — delivery coordinates, lng,lat */
    delivery_geo: string;
    /** 配送金额 — delivery fee, fen */
    delivery_fee?: number;
    /** 配送地址 — delivery address */
    delivery_address: string;
    /** 收货人电话 — consignee's phone */
    consignee_phone: string;
    /** 是否隐私号 0:非隐私号 1:隐私号 — 1 when the phone is a privacy (virtual) number */
    privacy_phone_flag?: 0 | 1;
}



/**  收货人电话/传真结构 */
export interface Phone {
    /** 区域号码 — area code */
    area?: string;
    /** 国家号码 — country calling code */
    country?: string;
    /** 号码 — number */
    number?: string;
}



/**  收货地址 (addressParam) */
export interface AddressParam {
    /** 收货人姓名 — consignee's full name */
    fullName: string;
    /** 手机 — mainland mobile number */
    mobile: string;
    /** 电话 — landline, digits and hyphens (the doc marks it required; its own example omits it) */
    phone?: string;
    /** 邮编 — postcode, six digits */
    postCode?: string;
    /** 市文本 — city */
    cityText: string;
    /** 省份文本 — province */
    provinceText: string;
    /** 区文本 — district */
    areaText?: string;
    /** 镇文本 — town */
    townText?: string;
    /** 街道地址 — street address */
    address: string;
}



/**  返回值接口 */
export interface IntentionOrderResponse {
    /** 意向单ID — the new intention order's id */
    intention_id?: string;
}



/**  配送员信息 */
export interface OrderResultDeliverer {
    /** 配送员编码 — courier code */
    deliverer_code?: string;
    /** 配送员电话 — courier phone */
    deliverer_phone?: string;
    /** 配送员姓名 — courier name */
    deliverer_name?: string;
}



/** What becomes of a field the doc does not define: `"refuse"` (an error; the default), `"send"` (sent as given, with a warning) or `"drop"` (left out, with a warning). */
export type UnknownFieldsPolicy = "refuse" | "send" | "drop";
/** Options `prepare` reads at every endpoint, beside the provider's. */
export interface CommonOptions {
    unknownFields?: UnknownFieldsPolicy;
}



/** What every `parseResponse` returns; narrow on `ok`. */
export type Parsed<T> =
| { ok: true; data: T; requestId?: string; failures?: PartialFailure[] }
| { ok: false; error: ResponseError };


/**
 * A failure answered by a gateway, or a body that could not be read.
 */
export interface ResponseError {
    /**
     * The provider's own error code as text (`"25"`, `"50048"`), or `"parse"` for a body that
     * is not a well-formed response.
     */
    code: string;
    /**
     * A sentence a person understands (the provider's most specific message).
     */
    message: string;
    /**
     * TOP: the gateway's `msg`.
     */
    msg?: string;
    /**
     * TOP: `sub_code` (`isv.*` caller's fault, `isp.*` provider's fault).
     */
    subCode?: string;
    /**
     * TOP: `sub_msg`.
     */
    subMsg?: string;
    requestId?: string;
    /**
     * Whether sending the same request again later may succeed.
     */
    retryable: boolean;
    /**
     * The provider's whole error object, when it carries more than the fields above
     * (ECCANG: `reference_no`, `time_cost(s)`).
     */
    raw?: Record<string, unknown>;
    /**
     * How long the provider asked to wait before retrying, when it said (a `send` of `createClient`
     * also reads the HTTP `Retry-After` header when the answer does not say).
     */
    retryAfterSeconds?: number;
    /**
     * The provider refused the order because one with the same identity (ECCANG's
     * `reference_no`) already exists. After an attempt whose outcome was unknown, that means the
     * earlier attempt created it (`createClient` reports it so).
     */
    alreadyExists?: boolean;
    /**
     * The provider answered without a verdict on the request: its platform failed (TOP's
     * `isp.*` errors, code 10, code 15 without an `isv.*` sub-code; a SOAP `Server` fault;
     * PandaPon's 5xx codes) and does not say whether the order was processed. After a creation
     * request the order may exist: a batch counts it `unknown`, as after a timeout.
     */
    noVerdict?: boolean;
}

/**
 * A part of a successful answer that failed on its own, e.g. one seller's preview in a batch.
 */
export interface PartialFailure {
    /**
     * JSON pointer into `data`'s source, e.g. `/data/orderPreviewResuslt/1`.
     */
    path: string;
    sellerOpenId?: string;
    code: string;
    message: string;
}

/**
 * A stable, machine-readable name for the rule an issue breaks.
 */
export type Code = "required" | "type" | "enum" | "format" | "length" | "range" | "precision" | "mismatch" | "duplicate" | "unknown_field" | "forbidden" | "reserved" | "wrapped";

/**
 * One field of a structure, as the order builder shows it.
 */
export interface FieldInfo {
    name: string;
    /**
     * `required`, `optional`, `recommended` (the doc says required, its example omits it) or
     * `forbidden` (must be absent in this request).
     */
    presence: string;
    /**
     * `text`, `integer`, `number`, `id`, `boolean`, `object`, `list` or `any`.
     */
    kind: string;
    /**
     * For text: `datetime`, `date`, `email`, `url`, `country`, `currency`, `json`, `decimal`,
     * or a provider check's name.
     */
    format?: string;
    /**
     * What the format expects, in words.
     */
    expected?: string;
    /**
     * The allowed values of an enumerated field.
     */
    values?: string[];
    /**
     * Numbers: whether numeric text is accepted too.
     */
    textOk?: boolean;
    maxLength?: number;
    /**
     * The doc's own description (Chinese).
     */
    doc: string;
    en: string;
    /**
     * Objects: the structure's name and fields; lists: those of each item.
     */
    structure?: StructureInfo;
    minItems?: number;
}

/**
 * One option a provider reads: declared once with [`options!`], which also writes its
 * TypeScript interface; the reader, `endpoints()` (for the builder and the client) and the
 * types all come from that declaration.
 */
export interface OptionSpec {
    name: string;
    required: boolean;
    /**
     * `secret` (never shown, logged or stored), `credential` (the account's, entered once) or
     * `setting` (per request: timestamps, nonces, gateways).
     */
    role: "secret" | "credential" | "setting";
    /**
     * The allowed values of an enumerated option, the first being the default.
     */
    values?: string[];
    /**
     * A short label for a form (the longer description is in the TypeScript declaration only,
     * to keep the module small).
     */
    label: string;
}

/**
 * One problem with the caller's input.
 */
export interface Issue {
    /**
     * JSON pointer (RFC 6901) into the caller's input, e.g. `/sub_orders/0/sku_code`; `""` is the whole input.
     */
    path: string;
    code: Code;
    severity: Severity;
    /**
     * A sentence a person understands.
     */
    message: string;
}

/**
 * One row of `endpoints()`.
 */
export interface EndpointInfo {
    id: EndpointId;
    /**
     * `top`, `pandapon` or `eccang`.
     */
    provider: string;
    title: string;
    titleZh: string;
    /**
     * The TypeScript type of the order `prepare` takes.
     */
    orderType: string;
    /**
     * The TypeScript type of a successful answer's `data` (`parseResponse`).
     */
    responseType: string;
    /**
     * The TOP method, PandaPon path or ECCANG service called.
     */
    operation: string;
    /**
     * Whether sending the same order twice cannot create two orders (see the README).
     */
    idempotent: boolean;
    /**
     * The field that identifies an order in a batch journal (`reference_no`, `out_order_id`, …);
     * absent where the doc gives the order no identity (a hash of the order is used).
     */
    keyField?: string;
    /**
     * The TypeScript type of the options `prepare` takes here (`TopOptions`, …).
     */
    optionsType: string;
    /**
     * Every option `prepare` reads here, in the order a form shows them.
     */
    options: OptionSpec[];
    /**
     * The option that points a request at a gateway (TOP `gateway`, PandaPon `baseUrl`, …).
     */
    gatewayOption: string;
    /**
     * Error codes meaning the provider refused a request before processing it (rate limits):
     * such a request may be sent again even on an endpoint that is not idempotent.
     */
    unprocessedCodes: string[];
    /**
     * The endpoint's folder in ordercraft's repository (tables, example, sample answers).
     */
    source: string;
}

/**
 * The text a signature was computed over, with any secret in it shown as `********`.
 */
export interface Signing {
    stringToSign: string;
    signature: string;
}

/**
 * What `validate` returns; `ok` is false exactly when an issue is an error.
 */
export interface Validation {
    ok: boolean;
    issues: Issue[];
}

export interface PreparedRequest {
    method: "POST";
    url: string;
    headers: Record<string, string>;
    /**
     * Send exactly this text: re-serialising it would change the signed bytes.
     */
    body: string;
    /**
     * What was signed, for debugging a signature mismatch: the secret is masked. Absent for
     * transports that carry a token instead of a signature (ECCANG).
     */
    signing?: Signing;
    /**
     * Warnings from validation (`prepare`), and `prepareTop`'s parameters left out for being empty;
     * errors never get this far.
     */
    warnings?: Issue[];
}

export interface StructureInfo {
    name: string;
    fields: FieldInfo[];
}

export type Severity = "error" | "warning";


/**
 * Every endpoint this package prepares: `{ id, provider, title, titleZh, orderType, operation }`.
 */
export function endpoints(): EndpointInfo[];

/**
 * A complete, valid example order for the endpoint.
 */
export function example(id: EndpointId): Order;

/**
 * An error issue at each place where `JSON.parse` would not give what JSON text says, without a
 * word: a name given again in one object (`duplicate`: it keeps the last value) and a number a
 * JavaScript number cannot hold as written (`precision`: it rounds it). Throws `ArgumentError`
 * for text that is not JSON ordercraft can read.
 */
export function jsonParseLosses(text: string): Issue[];

/**
 * The text PandaPon signs for these options (`accessKey + timestamp + nonce + secret`), the
 * secret shown as `********`. Pass the `timestamp` and `nonce` of the request you are debugging.
 */
export function pandaponStringToSign(opts: PandaponOptions): string;

/**
 * Reads any ECCANG answer (SOAP or bare JSON): `ask: "Success"` → `{ ok: true, data }`.
 */
export function parseEccangResponse(body: string): Parsed<Record<string, unknown>>;

/**
 * Reads any PandaPon response: `code` 200 → `{ ok: true, data }`, else `{ ok: false, error }`.
 */
export function parsePandaponResponse(body: string): Parsed<unknown>;

/**
 * Reads the endpoint's response body: `{ ok: true, data, requestId? }` or `{ ok: false, error }`.
 * Throws only for an unknown id.
 */
export function parseResponse(id: EndpointId, body: string, opts?: any | null): Parsed<any>;

/**
 * Reads a TOP response body: `{ ok: true, data, requestId }` or `{ ok: false, error }`. Never throws.
 */
export function parseTopResponse(method: string, body: string, opts?: any | null): Parsed<Record<string, unknown>>;

/**
 * Validates, builds and signs: `{ method, url, headers, body, warnings? }`; throws
 * `OrderValidationError` with every issue when any is an error.
 */
export function prepare(id: EndpointId, order: Order, opts: PrepareOptions): PreparedRequest;

/**
 * Builds the SOAP 1.1 `callService` envelope for any service of the family.
 */
export function prepareEccang(service: string, params: unknown, opts: EccangOptions): PreparedRequest;

/**
 * Signs and builds a request for any PandaPon endpoint: JSON body, five signed headers.
 */
export function preparePandapon(path: string, body: unknown, opts: PandaponOptions): PreparedRequest;

/**
 * Signs and builds a request for any TOP method: `{ method: 'POST', url, headers, body,
 * warnings? }`; `warnings` names each parameter left out for being empty or only whitespace.
 */
export function prepareTop(method: string, params: Record<string, unknown>, opts: TopOptions): PreparedRequest;

/**
 * The order's fields as data (name, presence, kind, format, values, the doc's description,
 * nested structures): what the order builder generates its form from.
 */
export function schema(id: EndpointId): StructureInfo;

/**
 * TOP's signature of these parameters, upper-case hex.
 */
export function topSign(params: Record<string, unknown>, secret: string, sign_method?: string | null): string;

/**
 * The text TOP signs for these parameters (the secret is not part of it), for debugging mismatches.
 */
export function topStringToSign(params: Record<string, unknown>): string;

/**
 * Checks an order against every rule of the endpoint: `{ ok, issues }`. `opts` may say
 * `unknownFields` ("refuse", the default, "send" or "drop"). Throws only for an unknown id or a
 * bad `opts`.
 */
export function validate(id: EndpointId, order: unknown, opts?: any | null): Validation;


// Generated by scripts/postbuild.mjs from the endpoint registry.
/** The order type each endpoint id takes. */
export interface Orders {
    "top:alibaba.intention.order.save": IntentionOrderSaveRequest;
    "top:alibaba.wdk.trade.order.create": TradeOrder;
    "pandapon:/alibaba/order/create/previewbatch": PreviewBatchRequest;
    "eccang:createOrder": CreateOrder;
}

/** The options `prepare` takes at each endpoint: its provider's. */
export interface OptionsFor {
    "top:alibaba.intention.order.save": TopOptions;
    "top:alibaba.wdk.trade.order.create": TopOptions;
    "pandapon:/alibaba/order/create/previewbatch": PandaponOptions;
    "eccang:createOrder": EccangOptions;
}

/** The `data` of a successful answer at each endpoint. */
export interface Responses {
    "top:alibaba.intention.order.save": IntentionOrderResponse;
    "top:alibaba.wdk.trade.order.create": OrderResult;
    "pandapon:/alibaba/order/create/previewbatch": PreviewBatchData | PreviewBatchData[];
    "eccang:createOrder": CreateOrderResponse;
}

export type EndpointId = keyof Orders;
export type Order = Orders[EndpointId];
/** The options of `prepare`: those of the endpoint's provider. */
export type PrepareOptions = (TopOptions | PandaponOptions | EccangOptions) & CommonOptions;
