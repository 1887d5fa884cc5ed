import { registerEnumType } from 'type-graphql';

/** 房屋安全等级鉴定: A and B are safe; C (局部危险) needs repair, D (整栋危房) rebuilding. */
export enum AppraisalGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

registerEnumType(AppraisalGrade, { name: 'AppraisalGrade', description: 'House safety grade: A and B safe, C partly dangerous, D dangerous' });
