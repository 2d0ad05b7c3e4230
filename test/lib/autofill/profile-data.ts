import type { Draft, Person, Team } from '@/lib/profile/schema';

export function person(id: string, fields: Partial<Person> = {}): Person {
  return {
    id, name: '', organization: '', title: '', mobile: '', landline: '', email: '', schoolType: '', subject: '',
    grade: '', major: '', region: '', createdAt: 0, updatedAt: 0, ...fields,
  };
}

export const PEOPLE: Person[] = [
  person('p1', { name: '王晓燕', organization: '北京市海淀区实验小学', title: '一级教师', mobile: '13812345678',
    landline: '010-62345678', email: 'wxy@example.cn', schoolType: '小学', subject: '数学', grade: '5年级', major: '计算机应用' }),
  person('p2', { name: '李明', organization: '北京市海淀区实验小学', title: '高级教师', mobile: '13900001111' }),
  person('p3', { name: '赵婷', organization: '北京市第十九中学', title: '二级教师', mobile: '13700002222' }),
  person('c1', { name: '张老师', organization: '海淀区教师进修学校', mobile: '13600003333', landline: '010-88886666',
    email: 'zhang@example.cn', title: '教研员' }),
];

export const TEAM: Team = { id: 't1', name: '数学组', authorIds: ['p1', 'p2', 'p3'], contactId: 'c1', createdAt: 0, updatedAt: 0 };

export function draft(fields: Partial<Draft> = {}): Draft {
  return { id: 'd1', title: '图形的运动单元微课', categoryId: 'jingpin', teamId: 't1', fields: {}, createdAt: 0,
    updatedAt: 0, ...fields };
}
