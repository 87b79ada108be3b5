/**
 * The labels of a roster file as offices write them: the title lines naming the class and the columns of the
 * trainee table, each with its usual variants (compared after NFKC, without spaces, brackets kept for titles).
 */
import type { RosterClassInput, TraineeInput } from '@lz/shared/api/rosters';

export type ClassField = keyof RosterClassInput;
export type TraineeField = keyof TraineeInput;

/** Title labels, longest first within a field so "培训职业(工种)" is tried before "培训职业". */
export const TITLE_LABELS: Record<ClassField | 'period', string[]> = {
  department: ['主管部门', '主管单位', '责任单位', '组织部门'],
  institution: ['培训机构名称', '培训机构', '培训单位', '承训机构', '机构名称'],
  trainingType: ['培训类型', '培训类别', '培训性质'],
  occupation: ['培训职业(工种)', '培训职业', '培训工种', '职业(工种)', '职业工种', '工种'],
  level: ['培训等级', '鉴定等级', '职业等级', '等级'],
  county: ['培训地点', '培训地址', '所在县区', '县区'],
  startDate: ['培训开始日期', '开班日期', '开班时间', '开课日期', '开始日期'],
  endDate: ['培训结束日期', '结业日期', '结业时间', '结课日期', '结束日期'],
  hours: ['培训课时', '总课时', '培训学时', '课时', '学时'],
  /** "培训时间：2020.3.1-2020.3.20": both dates in one line. */
  period: ['培训时间', '培训日期', '培训期间', '培训起止时间', '起止日期'],
};

/** Column headers by field, compared by headerKey (brackets and units dropped: "培训补贴(元)" → "培训补贴"). */
export const COLUMN_LABELS: Record<TraineeField | 'seq', string[]> = {
  seq: ['序号', '编号'],
  name: ['姓名', '学员姓名', '名字'],
  gender: ['性别'],
  idNumber: [
    '公民身份号码',
    '身份证号',
    '身份证号码',
    '证件号码',
    '身份证',
    '身份证件号码',
    '居民身份证号码',
    '公民身份证号码',
    '身份证号码/证件号码',
  ],
  group: ['人员类别', '人员类型', '学员类别', '培训对象类别', '培训对象'],
  poor: ['是否贫困劳动力', '贫困劳动力', '是否建档立卡贫困劳动力', '是否贫困户', '是否建档立卡'],
  phone: ['联系电话', '手机号码', '电话', '手机号', '联系方式', '手机'],
  certificateType: ['证书类型', '证书种类', '取得证书类型', '证书名称'],
  certificateNo: ['证书编号', '证书号码', '证书号'],
  trainingSubsidy: ['培训补贴', '培训补贴金额', '职业培训补贴', '培训补贴标准'],
  livingSubsidy: ['生活费补贴', '生活补贴', '生活费', '生活费补贴金额'],
  assessmentSubsidy: ['鉴定补贴', '职业技能鉴定补贴', '鉴定费补贴', '评价补贴', '鉴定补贴金额'],
};

/** The Chinese name of a field, for messages. */
export const FIELD_NAMES: Record<ClassField | TraineeField, string> = {
  department: '主管部门',
  institution: '培训机构',
  trainingType: '培训类型',
  occupation: '培训职业(工种)',
  level: '培训等级',
  county: '培训地点',
  startDate: '开班日期',
  endDate: '结业日期',
  hours: '课时',
  name: '姓名',
  gender: '性别',
  idNumber: '公民身份号码',
  group: '人员类别',
  poor: '是否贫困劳动力',
  phone: '联系电话',
  certificateType: '证书类型',
  certificateNo: '证书编号',
  trainingSubsidy: '培训补贴(元)',
  livingSubsidy: '生活费补贴(元)',
  assessmentSubsidy: '鉴定补贴(元)',
};

export const TOTAL_WORDS = /^(合计|总计|小计|共计)/u;
/** A footer or a note below the table ("注：人员类别按…"), where the trainee lines end. */
export const FOOTER_WORDS =
  /^(填表人|审核人|制表人|负责人|经办人|填报日期|填表日期|日期|单位\(?盖章|备注|说明|注:|注\d|注意)/u;
