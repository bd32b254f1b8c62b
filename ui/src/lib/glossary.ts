// Customs words a first-time exporter meets, each explained in one plain sentence per language.
// `Term.svelte` shows these as tooltips; the Glossary screen lists them all.

export interface GlossaryEntry {
  /** The Korean term as it appears on forms and in customs letters. */
  ko: string;
  /** The English term. */
  en: string;
  /** One plain sentence in Korean. */
  textKo: string;
  /** The same in English. */
  textEn: string;
}

export const glossary = {
  export_declaration: {
    ko: '수출신고',
    en: 'Export declaration',
    textKo: '물품을 외국으로 보내기 전에 품명·수량·가격 등을 세관에 알리고 허락을 받는 절차입니다.',
    textEn: 'Telling customs what you are sending abroad (goods, quantity, price) and getting it accepted before the goods leave.',
  },
  acceptance_date: {
    ko: '수리일',
    en: 'Acceptance date',
    textKo: '세관이 수출신고를 받아들인 날로, 적재기한과 재수입면세 기간을 세는 출발점입니다.',
    textEn: 'The day customs accepts your export declaration; the loading deadline and the duty-free re-import period are counted from it.',
  },
  simplified_declaration: {
    ko: '간이수출신고',
    en: 'Simplified export declaration',
    textKo: 'FOB 가격이 신고일에 적용되는 한도(설정 › 규정집에 이력) 이하인 전자상거래 수출을 여러 항목을 생략하고 가볍게 신고하는 방식입니다.',
    textEn: 'A lighter declaration, with many fields left out, for e-commerce goods whose FOB value is at or under the limit in force on the declaration date (its history is in Settings › Rulebook).',
  },
  list_clearance: {
    ko: '목록통관',
    en: 'List clearance',
    textKo: '특송업체가 물품 목록만 내고 통관하는 수출 방식으로, 관세환급이나 부가세 영세율 증빙으로는 쓸 수 없고 작은 반품의 "증빙서류 없는 수입신고"와도 다릅니다.',
    textEn: 'The courier clears low-value exports by filing a list; it gives no duty drawback or VAT zero-rating evidence, and differs from the "import declaration without supporting documents" used for small returns.',
  },
  regular_declaration: {
    ko: '일반 수출신고',
    en: 'Regular export declaration',
    textKo: '모든 항목을 채워 내는 표준 수출신고로, 간이신고를 쓸 수 없는 물품이나 금액에 사용합니다.',
    textEn: 'The full declaration with every field, used whenever the simplified route is not allowed.',
  },
  fob: {
    ko: 'FOB (본선인도가격)',
    en: 'FOB (Free On Board)',
    textKo: '물품을 국내 항구나 공항에서 배·비행기에 싣기까지의 가격으로, 수출신고 금액의 기준입니다.',
    textEn: 'The price of the goods up to loading on the ship or aircraft in Korea; export declarations are valued on this basis.',
  },
  cif: {
    ko: 'CIF (운임·보험료 포함 인도)',
    en: 'CIF (Cost, Insurance and Freight)',
    textKo: '물품값에 도착항까지의 운임과 보험료를 더한 조건으로, 판매자가 운송과 보험을 준비합니다.',
    textEn: 'A term where the seller pays freight and insurance to the destination port on top of the goods.',
  },
  incoterms: {
    ko: '인도조건 (인코텀즈)',
    en: 'Incoterms',
    textKo: '운송비·보험·위험을 판매자와 구매자가 어디까지 맡는지 정한 국제 거래조건(EXW, FOB, CIF, DDP 등)입니다.',
    textEn: 'International trade terms (EXW, FOB, CIF, DDP …) that say who pays transport and insurance and where the risk passes.',
  },
  hs_code: {
    ko: 'HS 코드',
    en: 'HS code',
    textKo: '전 세계가 함께 쓰는 상품 분류 번호로, 앞 6자리는 어느 나라에서나 같습니다.',
    textEn: 'The worldwide product classification number; its first six digits are the same in every country.',
  },
  hsk: {
    ko: 'HSK (10단위)',
    en: 'HSK (10-digit Korean code)',
    textKo: 'HS 6자리 뒤에 우리나라가 4자리를 더한 10자리 번호로, 수출신고서에는 이 번호를 적습니다.',
    textEn: "Korea's 10-digit tariff code: the 6-digit HS code plus four national digits; the declaration needs it.",
  },
  customs_code: {
    ko: '통관고유부호',
    en: 'Customs trader code',
    textKo: '관세청이 수출입 업체마다 부여하는 고유 부호로, 신고서의 수출화주 칸에 들어갑니다.',
    textEn: 'The code customs gives each trader; it identifies you as the exporter on the declaration.',
  },
  business_no: {
    ko: '사업자등록번호',
    en: 'Business registration number',
    textKo: '세무서에서 받은 10자리 번호(000-00-00000)로, 마지막 숫자는 오타를 잡는 검증번호입니다.',
    textEn: 'The 10-digit number from the tax office (000-00-00000); the last digit is a check digit that catches typos.',
  },
  customs_rate: {
    ko: '과세환율',
    en: 'Customs exchange rate',
    textKo: '관세청이 매주 정해 일요일부터 토요일까지 쓰는 환율로, 외화 가격을 원화로 바꿀 때 적용합니다.',
    textEn: 'The weekly rate customs fixes for Sunday to Saturday, used to convert foreign prices into won.',
  },
  loading: {
    ko: '적재',
    en: 'Loading',
    textKo: '수출물품을 외국으로 가는 배나 비행기에 싣는 것입니다.',
    textEn: 'Putting the export goods on the ship or aircraft that takes them abroad.',
  },
  loading_deadline: {
    ko: '적재기한',
    en: 'Loading deadline',
    textKo: '수리일로부터 30일 안에 물품을 실어야 하며, 넘기면 수리가 취소되거나 과태료가 나올 수 있습니다.',
    textEn: 'Goods must be loaded within 30 days of acceptance; otherwise acceptance may be cancelled and a fine imposed.',
  },
  provisional_price: {
    ko: '잠정가격신고',
    en: 'Provisional price declaration',
    textKo: '신고할 때 가격이 아직 확정되지 않았으면 임시 가격으로 먼저 신고하는 것입니다.',
    textEn: 'Declaring a temporary price when the final price is not yet known at the time of export.',
  },
  final_price: {
    ko: '확정가격신고',
    en: 'Final price declaration',
    textKo: '잠정가격으로 신고한 뒤 가격이 확정·결제되면 정해진 기간 안에 확정된 가격을 다시 신고하는 것입니다.',
    textEn: 'After a provisional declaration, filing the confirmed price within the set period once it is settled and paid.',
  },
  consolidation: {
    ko: '합포장',
    en: 'Consolidated packing',
    textKo: '여러 주문을 같은 상자나 한 번의 선적으로 묶어서 보내는 것입니다.',
    textEn: 'Packing several orders into the same cartons or one shipment.',
  },
  consignee: {
    ko: '수하인',
    en: 'Consignee',
    textKo: '운송장과 상업송장에 적는 물품을 받는 사람으로, 합포장해 해외 물류창고로 보내면 그 창고가 수하인이 됩니다.',
    textEn: 'The party named on the waybill and the invoice to receive the goods; when a consolidated shipment goes to an overseas fulfilment warehouse, the warehouse is the consignee.',
  },
  volumetric_weight: {
    ko: '부피중량',
    en: 'Volumetric weight',
    textKo: '상자의 가로×세로×높이(cm)를 운송사가 정한 나눗수(특송은 보통 5000)로 나눈 무게로, 가볍고 큰 상자는 이 무게로 운임을 냅니다.',
    textEn: "A carton's length × width × height in cm divided by the carrier's divisor (usually 5000 for express), so that light but bulky cartons pay for their space.",
  },
  chargeable_weight: {
    ko: '운임중량',
    en: 'Chargeable weight',
    textKo: '운임을 매기는 무게로, 상자마다 총중량과 부피중량 가운데 큰 쪽을 골라 모두 더한 값입니다.',
    textEn: 'The weight the freight is billed on: for each carton the larger of its gross and volumetric weight, added up over all cartons.',
  },
  commercial_invoice: {
    ko: '상업송장',
    en: 'Commercial invoice',
    textKo: '판매자가 구매자에게 보내는 물품·수량·가격을 적은 거래 서류로, 도착국 세관이 통관할 때 가장 먼저 보는 서류입니다.',
    textEn: "The seller's bill to the buyer listing the goods, quantities and prices; the destination customs looks at it first.",
  },
  packing_list: {
    ko: '포장명세서',
    en: 'Packing list',
    textKo: '상자마다 무엇이 몇 개 들었는지와 크기·순중량·총중량을 적은 서류로, 운송사와 세관이 화물을 확인할 때 씁니다.',
    textEn: 'The list of what each carton holds, with its size, net and gross weight, used by carriers and customs to check the cargo.',
  },
  shipping_marks: {
    ko: '화인 (카톤 마크)',
    en: 'Shipping marks',
    textKo: '상자 겉면에 붙이는 표시로, 수하인·참조번호·상자 번호(1/3 등)·중량을 적어 화물이 섞이거나 빠지지 않게 합니다.',
    textEn: 'The marks on the outside of each carton (consignee, reference, carton number such as 1/3, weights) that keep the cargo together and traceable.',
  },
  origin: {
    ko: '원산지',
    en: 'Origin',
    textKo: '물품이 만들어졌다고 인정되는 나라로, FTA 특혜관세를 받을 수 있는지를 가릅니다.',
    textEn: 'The country where the goods count as made; it decides whether FTA preferential duty applies.',
  },
  fta: {
    ko: 'FTA (자유무역협정)',
    en: 'FTA (Free trade agreement)',
    textKo: '협정국끼리 원산지 기준을 채운 물품에 관세를 낮추거나 없애 주기로 한 약속입니다.',
    textEn: 'An agreement between countries to cut or remove duties on goods that meet its origin rules.',
  },
  origin_confirmation: {
    ko: '원산지확인서',
    en: "Supplier's origin declaration",
    textKo: '재료를 공급한 업체가 그 재료의 원산지를 확인해 주는 서류로, 유효기간이 있습니다.',
    textEn: 'A document in which your supplier confirms the origin of the materials it sold you; it expires after a set period.',
  },
  bom: {
    ko: '자재명세서 (BOM)',
    en: 'Bill of materials (BOM)',
    textKo: '상품 1개를 만드는 데 들어간 재료마다 HS 코드·원산지·수량·가격을 적은 표로, FTA 원산지를 판정하는 근거가 됩니다.',
    textEn: 'The list of every material in one unit of the product with its HS code, origin, quantity and value, from which FTA origin is judged.',
  },
  originating: {
    ko: '역내산 (원산지 재료)',
    en: 'Originating',
    textKo: '협정의 원산지 기준을 채워 협정 당사국산으로 인정되는 재료나 물품으로, 국산 재료라도 공급자의 원산지확인서가 있어야 역내산으로 봅니다.',
    textEn: "A material or good that meets the agreement's origin rules and counts as from a party to it; even a Korean material counts as originating only with the supplier's origin declaration.",
  },
  minimal_operations: {
    ko: '단순 공정 (불인정 공정)',
    en: 'Minimal operations',
    textKo: '포장·라벨 붙이기·단순 혼합·단순 조립·세트 구성 같은 가벼운 작업으로, 이런 작업만으로는 비원산지 재료가 한국산이 되지 않습니다.',
    textEn: 'Light work such as packing, labelling, simple mixing or assembly and making up sets; on their own these never give non-originating materials Korean origin.',
  },
  ex_works: {
    ko: '공장도가격 (EXW)',
    en: 'Ex-works price',
    textKo: '물품을 공장이나 창고에서 넘겨줄 때의 가격으로, 운송비와 수출 비용이 빠져 있으며 부가가치 비율 기준을 계산하는 바탕이 됩니다.',
    textEn: 'The price of the goods handed over at your factory or warehouse, without transport or export costs, on which value-added percentage rules are computed.',
  },
  reimport_exemption: {
    ko: '재수입면세',
    en: 'Duty-free re-import',
    textKo: '수출한 물품이 정해진 기간 안에 쓰거나 고치지 않은 상태로 돌아오면 조건에 따라 관세 없이 다시 들여올 수 있으며, 작은 반품은 증빙서류 없는 수입신고로도 들여올 수 있습니다.',
    textEn: 'Exported goods that come back unchanged within the set period can be re-imported without duty, under conditions, and small returns may come on an import declaration without supporting documents.',
  },
  drawback: {
    ko: '관세환급',
    en: 'Duty drawback',
    textKo: '수출물품에 쓴 수입 원재료의 관세를 수출한 뒤 돌려받는 제도입니다.',
    textEn: 'A refund of the import duty paid on materials used in goods that were later exported.',
  },
  permit_item: {
    ko: '세관장확인대상',
    en: 'Permit checked by customs',
    textKo: '다른 법령의 허가·승인이 필요해 세관이 수출할 때 그 서류를 확인하는 물품으로, 간이수출신고를 쓸 수 없습니다.',
    textEn: 'Goods whose export needs a permit under another law, which customs checks; they cannot use the simplified declaration.',
  },
  platform_seller: {
    ko: '플랫폼 기반 판매자',
    en: 'Platform-based seller',
    textKo: '온라인 판매 플랫폼을 통해 해외로 파는 판매자로, 새 제도에서는 일부 서류 제출이 면제될 수 있습니다.',
    textEn: 'A seller who sells abroad through online platforms; under the new regime some may skip certain documents.',
  },
  exporter: {
    ko: '수출화주',
    en: 'Exporter (owner of the goods)',
    textKo: '수출물품의 주인으로, 신고서에 상호·대표자·통관고유부호가 들어가는 사업자입니다.',
    textEn: 'The owner of the exported goods, named on the declaration with its representative and customs code.',
  },
  overseas_buyer: {
    ko: '해외구매자',
    en: 'Overseas buyer',
    textKo: '물품을 사서 받는 외국 고객으로, 신고서에 이름과 나라가 들어갑니다.',
    textEn: 'The foreign customer who buys and receives the goods; the declaration carries their name and country.',
  },
  net_weight: {
    ko: '순중량',
    en: 'Net weight',
    textKo: '포장재를 뺀 물품 자체의 무게로, 신고서의 각 란에 킬로그램으로 적습니다.',
    textEn: 'The weight of the goods alone, without packaging, given in kilograms on each declaration line.',
  },
  gross_weight: {
    ko: '총중량',
    en: 'Gross weight',
    textKo: '포장재와 상자까지 포함한 전체 무게로, 운송장과 포장명세서에 적습니다.',
    textEn: 'The total weight including packaging and cartons, shown on waybills and packing lists.',
  },
  fine: {
    ko: '과태료',
    en: 'Administrative fine',
    textKo: '기한 안에 적재하지 않는 등 법이 정한 의무를 지키지 않았을 때 내는 돈입니다.',
    textEn: 'A money penalty for missing a legal duty, such as loading the goods before the deadline.',
  },
  loading_extension: {
    ko: '적재기간 연장',
    en: 'Loading period extension',
    textKo: '적재기한 안에 물품을 싣지 못할 것 같으면 기한이 지나기 전에 세관에 신청해 기간을 늘리는 것으로, 수리일부터 1년까지 가능합니다.',
    textEn: 'Asking customs, before the loading deadline passes, for more time to load the goods; at most one year from acceptance in total.',
  },
  confirm_paid_date: {
    ko: '확정·결제일',
    en: 'Confirmation & payment date',
    textKo: '잠정가격으로 신고한 물품의 가격이 확정되고 대금이 결제된 날로, 확정가격신고 기한을 세는 출발점입니다.',
    textEn: 'The day the provisional price became final and was paid; the final price deadline is counted from it.',
  },
  declaration_no: {
    ko: '신고번호',
    en: 'Declaration number',
    textKo: '수리된 수출신고에 붙는 번호(신고인부호-연도-일련번호)로, 수리 통지서에서 확인하고 재수입이나 환급 때 인용합니다.',
    textEn: 'The number of an accepted export declaration (declarant code, year, serial), shown on the acceptance notice and quoted for re-imports and refunds.',
  },
  bl_awb: {
    ko: 'B/L·AWB',
    en: 'B/L · AWB',
    textKo: '배로 보내면 선하증권(B/L), 비행기로 보내면 항공화물운송장(AWB)으로, 물품이 실렸다는 증거이자 적재를 기록할 때 적는 번호입니다.',
    textEn: 'The bill of lading (sea) or air waybill (air) that proves the goods were loaded; its number is recorded with the loading.',
  },
  courier_code: {
    ko: '특송업체부호',
    en: 'Courier code',
    textKo: '물품을 운송하는 특송업체를 나타내는 부호로, 2022년부터 전자상거래 수출신고서에 적습니다.',
    textEn: 'The code of the express courier carrying the goods, required on e-commerce export declarations since 2022.',
  },
  loading_port: {
    ko: '적재항',
    en: 'Port of loading',
    textKo: '물품을 배나 비행기에 싣는 국내 항구나 공항으로, 인천공항은 ICN, 부산항은 PUS처럼 부호로 적습니다.',
    textEn: 'The Korean port or airport where the goods are loaded, written as a code such as ICN for Incheon airport or PUS for Busan.',
  },
  transport_mode: {
    ko: '운송수단',
    en: 'Transport mode',
    textKo: '물품을 외국으로 보내는 방법으로, 항공·해상·우편·특송 가운데 하나를 고릅니다.',
    textEn: 'How the goods travel abroad: air, sea, post or express courier.',
  },
  transaction_type: {
    ko: '거래구분',
    en: 'Transaction type',
    textKo: '수출 거래의 종류를 나타내는 두 자리 부호로, 전자상거래 간이수출은 15를 씁니다.',
    textEn: 'A two-digit code for the kind of export transaction; simplified e-commerce exports use 15.',
  },
  customs_broker: {
    ko: '관세사',
    en: 'Licensed customs broker',
    textKo: '수출입 신고를 대신 해 주는 국가 자격 전문가로, 복잡한 신고는 관세사에게 맡길 수 있습니다.',
    textEn: 'A licensed professional who can file customs declarations on your behalf.',
  },
  sku: {
    ko: 'SKU (상품코드)',
    en: 'SKU (stock keeping unit)',
    textKo: '판매자가 상품마다 붙이는 관리용 코드로, 주문과 상품을 이어 줍니다.',
    textEn: 'Your own code for each product; it links orders to the catalogue.',
  },
  import_profile: {
    ko: '가져오기 형식',
    en: 'Import profile',
    textKo: '마켓 주문 파일의 어느 열이 주문번호·수량·단가 같은 항목인지 정해 둔 설정으로, 저장해 두면 같은 모양의 파일을 다시 연결하지 않고 가져올 수 있습니다.',
    textEn: 'A saved description of which column of a marketplace order file holds the order number, quantity, price and so on, so files of the same layout import without mapping again.',
  },
  encoding: {
    ko: '문자 인코딩',
    en: 'Text encoding',
    textKo: '파일에 글자를 저장하는 방식으로, 한글 윈도우 엑셀이 만든 CSV는 보통 CP949이고 요즘 파일은 대부분 UTF-8이며 맞지 않게 읽으면 글자가 깨져 보입니다.',
    textEn: 'How the letters of a text file are stored as bytes; CSV files saved by Korean Windows Excel are usually CP949, most others UTF-8, and reading with the wrong one shows garbled letters.',
  },
  tariff_shift: {
    ko: '세번변경기준 (CC·CTH·CTSH)',
    en: 'Change of tariff classification (CC, CTH, CTSH)',
    textKo: '비원산지 재료의 HS 코드가 완제품과 류(CC, 2단위)·호(CTH, 4단위)·소호(CTSH, 6단위)에서 달라지면 한국에서 충분히 가공했다고 보는 기준입니다.',
    textEn: 'A rule met when every non-originating material is classified in another chapter (CC, 2 digits), heading (CTH, 4 digits) or subheading (CTSH, 6 digits) than the finished product.',
  },
  rvc: {
    ko: '부가가치기준 (RVC)',
    en: 'Regional value content (RVC)',
    textKo: '제품 가격 가운데 협정 당사국에서 더해진 가치의 비율이 정해진 퍼센트 이상이어야 원산지로 인정하는 기준입니다.',
    textEn: 'A rule met when the share of the product price added within the agreement countries reaches a set percentage.',
  },
  maxnom: {
    ko: '비원산지재료비 상한 (MaxNOM)',
    en: 'Maximum non-originating materials (MaxNOM)',
    textKo: '비원산지 재료의 가치가 제품 가격(공장도가격 등)의 정해진 퍼센트를 넘지 않아야 원산지로 인정하는 기준입니다.',
    textEn: 'A rule met when the value of non-originating materials stays at or below a set percentage of the product price, usually the ex-works price.',
  },
  de_minimis: {
    ko: '미소기준 (de minimis)',
    en: 'De minimis (tolerance)',
    textKo: '세번변경기준을 채우지 못한 비원산지 재료라도 그 가치(섬유는 무게)가 아주 작으면 없는 것으로 봐 주는 허용 한도입니다.',
    textEn: 'A small allowance under which non-originating materials that fail a tariff-shift rule are ignored, measured by value or, for textiles, by weight.',
  },
  certificate_of_origin: {
    ko: '원산지증명서 (C/O)',
    en: 'Certificate of origin (C/O)',
    textKo: '수입국에서 FTA 특혜관세를 받기 위해 물품의 원산지를 증명하는 서류로, 협정에 따라 기관이 발급하거나 수출자가 스스로 작성합니다.',
    textEn: 'The document that proves the origin of the goods so the buyer gets FTA preferential duty; depending on the agreement it is issued by an agency or written by the exporter.',
  },
  approved_exporter: {
    ko: '원산지인증수출자',
    en: 'Approved exporter',
    textKo: '관세청이 원산지 관리 능력을 인정한 수출자로, 한-EU·한-영 FTA 등에서 일정 금액을 넘는 물품의 원산지를 스스로 증명하려면 이 인증이 필요합니다.',
    textEn: 'An exporter approved by Korea Customs for managing origin, which agreements such as Korea–EU and Korea–UK require for self-certifying consignments above the low-value limit.',
  },
} satisfies Record<string, GlossaryEntry>;

export type TermId = keyof typeof glossary;

export const termIds = Object.keys(glossary) as TermId[];
