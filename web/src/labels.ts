/**
 * Chinese labels for the API's enum values. The page shows the Chinese and keeps the English
 * name in the tooltip (`title`), so a caseworker reads 因病 and a developer can still find ILLNESS.
 */
const LABELS: Record<string, Record<string, string>> = {
  PovertyStatus: { POOR: '未脱贫', LIFTED: '已脱贫', RELAPSED: '返贫', MONITORED: '监测户', REMOVED: '清退' },
  HouseholdType: { GENERAL: '一般贫困户', DIBAO: '低保贫困户', TEKUN: '特困供养' },
  PovertyCause: {
    ILLNESS: '因病', DISABILITY: '因残', SCHOOLING: '因学', DISASTER: '因灾', MARRIAGE: '因婚', LACK_OF_LAND: '缺土地', LACK_OF_WATER: '缺水',
    LACK_OF_SKILLS: '缺技术', LACK_OF_LABOR: '缺劳力', LACK_OF_FUNDS: '缺资金', POOR_TRANSPORT: '交通条件落后', LACK_OF_MOTIVATION: '自身发展动力不足', OTHER: '其他',
  },
  Gender: { MALE: '男', FEMALE: '女' },
  Relation: {
    HEAD: '户主', SPOUSE: '配偶', CHILD: '子女', CHILD_IN_LAW: '儿媳/女婿', GRANDCHILD: '孙子女', PARENT: '父母', PARENT_IN_LAW: '岳父母/公婆',
    GRANDPARENT: '祖父母', SIBLING: '兄弟姐妹', OTHER: '其他',
  },
  HealthStatus: { HEALTHY: '健康', CHRONIC_ILLNESS: '长期慢性病', SERIOUS_ILLNESS: '患有大病', DISABLED: '残疾' },
  LaborCapacity: { SKILLED: '技能劳动力', ORDINARY: '普通劳动力', WEAK: '弱劳动力或半劳动力', LOST: '丧失劳动力', NONE: '无劳动力' },
  InsuranceScheme: { RESIDENT_BASIC: '城乡居民基本医疗保险', EMPLOYEE_BASIC: '职工基本医疗保险' },
  SchoolStage: { PRESCHOOL: '学前', PRIMARY: '小学', JUNIOR_SECONDARY: '初中', SENIOR_SECONDARY: '高中', VOCATIONAL: '中职', TERTIARY: '高等教育' },
  SchoolStatus: { ENROLLED: '在读', HOME_TAUGHT: '送教上门', SUSPENDED: '休学', DROPPED_OUT: '辍学', GRADUATED: '毕业' },
  GrantProgram: { PRESCHOOL_AID: '学前资助', TWO_EXEMPTIONS_ONE_SUBSIDY: '两免一补', NATIONAL_GRANT: '国家助学金', RAIN_DEW: '雨露计划', STUDENT_LOAN: '生源地助学贷款' },
  AppraisalGrade: { A: 'A级', B: 'B级', C: 'C级（局部危险）', D: 'D级（整体危险）' },
  RenovationKind: { REPAIR: '修缮加固', REBUILD: '拆除重建' },
  RenovationStatus: { PLANNED: '计划', IN_PROGRESS: '施工中', COMPLETED: '已完工', ACCEPTED: '已验收' },
  EmploymentStatus: {
    LOCAL: '本地务工', IN_COUNTY: '县内务工', IN_PROVINCE: '省内务工', OUT_OF_PROVINCE: '省外务工', PUBLIC_WELFARE_POST: '公益岗位', ECOLOGICAL_RANGER: '生态护林员',
    WORKSHOP: '扶贫车间', SELF_EMPLOYED: '自主创业', UNEMPLOYED: '未就业',
  },
  IndustrySupportKind: { COOPERATIVE_SHARE: '合作社入股', SOLAR_DIVIDEND: '光伏收益', LIVESTOCK: '养殖', CROPS: '种植', WORKSHOP: '扶贫车间', MICROCREDIT: '小额信贷', OTHER: '其他' },
  Batch: { PRODUCTION: '发展生产脱贫一批', RELOCATION: '易地扶贫搬迁脱贫一批', ECOLOGICAL_COMPENSATION: '生态补偿脱贫一批', EDUCATION: '发展教育脱贫一批', SOCIAL_SECURITY: '社会保障兜底一批' },
  GapKind: {
    INCOME_BELOW_LINE: '收入低于贫困线', UNINSURED_MEMBER: '未参加基本医保', HIGH_MEDICAL_BURDEN: '医疗自付比例过高', DROPOUT: '义务教育阶段辍学',
    UNSAFE_HOUSING: '住房不安全', ZERO_EMPLOYMENT: '零就业家庭', UNSAFE_WATER: '饮水不安全',
  },
  RegionLevel: { PROVINCE: '省', CITY: '市', COUNTY: '县（区）', TOWNSHIP: '乡镇', VILLAGE: '村' },
  Role: { ADMIN: '系统管理员', COUNTY_OFFICER: '县扶贫办', CASEWORKER: '驻村工作人员', DEPARTMENT_OFFICER: '行业部门', AUDITOR: '审计' },
  Department: { HEALTH_INSURANCE: '医保局', EDUCATION_AID: '教育局', HOUSING_REPAIR: '住建局', EMPLOYMENT: '人社局' },
};

/** The Chinese label of an enum value (the value itself when none is known). */
export function label(enumName: string, value: string | null | undefined): string {
  if (value == null) return '—';
  return LABELS[enumName]?.[value] ?? value;
}

/** A subgraph's name (as DEPARTMENT_UNAVAILABLE names it) → the department to call. */
export const SUBGRAPH_DEPARTMENTS: Record<string, string> = {
  households: '扶贫办（建档立卡）',
  'health-insurance': '医保局',
  'education-aid': '教育局',
  'housing-repair': '住建局',
  employment: '人社局',
};

/** Which department closes a gap (domain.md, gap rules): the one a caseworker calls. */
export const GAP_DEPARTMENT: Record<string, string> = {
  INCOME_BELOW_LINE: '扶贫办',
  UNINSURED_MEMBER: '医保局',
  HIGH_MEDICAL_BURDEN: '医保局',
  DROPOUT: '教育局',
  UNSAFE_HOUSING: '住建局',
  ZERO_EMPLOYMENT: '人社局',
  UNSAFE_WATER: '水利局',
};

export const BATCHES = ['PRODUCTION', 'RELOCATION', 'ECOLOGICAL_COMPENSATION', 'EDUCATION', 'SOCIAL_SECURITY'] as const;
