// The five rosters as data: each column's Chinese header, English aliases, whether it is required and how
// its cells are parsed. Header mapping, row validation and the SQLite tables are all derived from this.
import type { Parsed } from './values.js';
import { parseFollowUp, parseResult } from './results.js';
import {
  parseDate,
  parseGrade,
  parseInspectorStatus,
  parseItemKind,
  parseLevel,
  parseMethod,
  parseObjectStatus,
  parseObjectType,
  parsePercent,
  parseRisk,
  parseYesNo,
} from './values.js';

export const ROSTER_KINDS = ['objects', 'inspectors', 'items', 'departments', 'history'] as const;
export type RosterKind = (typeof ROSTER_KINDS)[number];

export type Ref = 'departments' | 'items' | 'objects' | 'inspectors';
/** The rosters plus the results file, which shares the header and cell handling. */
export type SchemaKind = RosterKind | 'results';

export interface Column {
  key: string;
  zh: string;
  aliases: string[];
  required?: boolean;
  /** How the cell is read; absent = free text kept as trimmed. */
  parse?: (raw: string) => Parsed<string>;
  /** 'code': credit code or ASCII object number; 'codes': a list of them; 'id': an ASCII id. */
  special?: 'code' | 'codes' | 'id' | 'list' | 'enumList';
  enumItem?: (raw: string) => Parsed<string>;
  ref?: Ref;
  /** A soft reference: an unknown value is a warning, not an error. */
  softRef?: boolean;
  /** Personal data (法定代表人, 手机, 身份证号): stored, never published. */
  private?: boolean;
}

export const SCHEMAS: Record<SchemaKind, { key: string[]; columns: Column[] }> = {
  objects: {
    key: ['credit_code'],
    columns: [
      {
        key: 'credit_code',
        zh: '统一社会信用代码',
        aliases: ['对象编号', '信用代码', 'credit_code', 'code', 'uscc'],
        required: true,
        special: 'code',
      },
      { key: 'name', zh: '名称', aliases: ['企业名称', '对象名称', '主体名称', 'name'], required: true },
      { key: 'type', zh: '对象类型', aliases: ['主体类型', 'type'], required: true, parse: parseObjectType },
      { key: 'industry', zh: '行业', aliases: ['行业代码', 'industry'] },
      { key: 'region', zh: '区域', aliases: ['所属区域', '辖区', 'region'] },
      { key: 'address', zh: '地址', aliases: ['住所', '经营场所', 'address'] },
      {
        key: 'credit_grade',
        zh: '信用等级',
        aliases: ['信用风险分类', '信用分类', 'credit_grade', 'grade'],
        required: true,
        parse: parseGrade,
      },
      {
        key: 'risk_level',
        zh: '风险等级',
        aliases: ['风险分级', 'risk_level', 'risk'],
        required: true,
        parse: parseRisk,
      },
      {
        key: 'key_supervision',
        zh: '重点监管',
        aliases: ['是否重点监管', 'key_supervision', 'key'],
        parse: parseYesNo,
      },
      {
        key: 'status',
        zh: '状态',
        aliases: ['登记状态', '经营状态', 'status'],
        required: true,
        parse: parseObjectStatus,
      },
      { key: 'tags', zh: '标签', aliases: ['tags'], special: 'list' },
      { key: 'legal_rep', zh: '法定代表人', aliases: ['负责人', '经营者', 'legal_rep'], private: true },
    ],
  },
  inspectors: {
    key: ['id'],
    columns: [
      { key: 'id', zh: '人员编号', aliases: ['编号', 'id'], required: true, special: 'id' },
      { key: 'name', zh: '姓名', aliases: ['name'], required: true },
      {
        key: 'department',
        zh: '部门',
        aliases: ['所属部门', '部门编码', 'department'],
        required: true,
        ref: 'departments',
      },
      { key: 'cert_no', zh: '执法证号', aliases: ['执法证件号', 'cert_no'], required: true },
      {
        key: 'cert_valid_to',
        zh: '证件有效期至',
        aliases: ['有效期至', 'cert_valid_to'],
        required: true,
        parse: parseDate,
      },
      { key: 'specialties', zh: '业务专长', aliases: ['专长', 'specialties'], special: 'list' },
      { key: 'region', zh: '区域', aliases: ['所属区域', 'region'] },
      { key: 'status', zh: '状态', aliases: ['人员状态', 'status'], required: true, parse: parseInspectorStatus },
      {
        key: 'conflicts',
        zh: '回避对象',
        aliases: ['回避', 'conflicts'],
        special: 'codes',
        ref: 'objects',
        softRef: true,
      },
      { key: 'phone', zh: '手机', aliases: ['手机号', '电话', 'phone'], private: true },
      { key: 'id_card', zh: '身份证号', aliases: ['身份证', 'id_card'], private: true },
    ],
  },
  items: {
    key: ['code'],
    columns: [
      { key: 'code', zh: '事项编码', aliases: ['编码', 'code'], required: true, special: 'id' },
      { key: 'name', zh: '事项名称', aliases: ['名称', 'name'], required: true },
      { key: 'category', zh: '检查类别', aliases: ['抽查类别', 'category'], required: true },
      { key: 'kind', zh: '事项类型', aliases: ['类型', 'kind'], required: true, parse: parseItemKind },
      { key: 'department', zh: '发起部门', aliases: ['部门', 'department'], required: true, ref: 'departments' },
      { key: 'partners', zh: '配合部门', aliases: ['partners'], special: 'list', ref: 'departments' },
      { key: 'basis', zh: '抽查依据', aliases: ['依据', 'basis'] },
      { key: 'method', zh: '检查方式', aliases: ['method'], parse: parseMethod },
      {
        key: 'object_types',
        zh: '对象类型',
        aliases: ['object_types'],
        special: 'enumList',
        enumItem: parseObjectType,
      },
      { key: 'industries', zh: '行业', aliases: ['industries'], special: 'list' },
      { key: 'regions', zh: '区域', aliases: ['regions'], special: 'list' },
      { key: 'tag', zh: '标签', aliases: ['tag'] },
      { key: 'specialty', zh: '所需专长', aliases: ['专长', 'specialty'] },
      { key: 'cap_percent', zh: '比例上限', aliases: ['cap_percent'], parse: parsePercent },
    ],
  },
  departments: {
    key: ['code'],
    columns: [
      { key: 'code', zh: '部门编码', aliases: ['编码', 'code'], required: true, special: 'id' },
      { key: 'name', zh: '部门名称', aliases: ['名称', 'name'], required: true },
      { key: 'level', zh: '层级', aliases: ['级别', 'level'], required: true, parse: parseLevel },
      { key: 'parent', zh: '上级部门', aliases: ['parent'] },
    ],
  },
  history: {
    // A history record is its whole content: importing the same record twice keeps one.
    key: ['credit_code', 'date', 'category', 'item_code', 'department'],
    columns: [
      {
        key: 'credit_code',
        zh: '统一社会信用代码',
        aliases: ['对象编号', 'credit_code', 'code'],
        required: true,
        special: 'code',
        ref: 'objects',
      },
      { key: 'date', zh: '检查日期', aliases: ['检查完成日期', 'date'], required: true, parse: parseDate },
      { key: 'category', zh: '检查类别', aliases: ['category'] },
      { key: 'item_code', zh: '事项编码', aliases: ['item_code', 'item'], ref: 'items' },
      { key: 'department', zh: '检查部门', aliases: ['部门', 'department'], required: true, ref: 'departments' },
      { key: 'result', zh: '检查结果', aliases: ['result'] },
      { key: 'inspectors', zh: '检查人员', aliases: ['inspectors'], special: 'list', ref: 'inspectors', softRef: true },
    ],
  },
  results: {
    key: ['draw_id', 'credit_code'],
    columns: [
      { key: 'draw_id', zh: '抽查编号', aliases: ['任务编号', 'draw_id', 'task_no'], required: true },
      {
        key: 'credit_code',
        zh: '统一社会信用代码',
        aliases: ['对象编号', 'credit_code', 'code'],
        required: true,
        special: 'code',
      },
      {
        key: 'completed_on',
        zh: '检查完成日期',
        aliases: ['完成日期', 'completed_on', 'date'],
        required: true,
        parse: parseDate,
      },
      { key: 'result', zh: '检查结果', aliases: ['result'], required: true, parse: parseResult },
      { key: 'follow_up', zh: '后续处置', aliases: ['follow_up'], parse: parseFollowUp },
      { key: 'notes', zh: '备注', aliases: ['notes'], private: true },
    ],
  },
};
