/**
 * The code lists of the filing form (08 H7, `items` of the five query_icp_* calls; entry fields per the reference's
 * sources). The simulator serves a small, realistic excerpt of each.
 */
export const ICP_DICTIONARIES: Record<string, Record<string, unknown>[]> = {
  query_icp_subject_types: [
    { type: 1, name: '企业', remark: '营业执照等' },
    { type: 2, name: '事业单位' },
    { type: 3, name: '社会团体' },
    { type: 4, name: '政府机关' },
    { type: 5, name: '个人', remark: '居民身份证等' },
  ],
  query_icp_district_code: [
    {
      type: 1,
      code: '440000',
      name: '广东省',
      sub_list: [
        { type: 2, code: '440100', name: '广州市', sub_list: [{ type: 3, code: '440106', name: '天河区' }] },
        { type: 2, code: '440300', name: '深圳市', sub_list: [{ type: 3, code: '440305', name: '南山区' }] },
      ],
    },
    {
      type: 1,
      code: '330000',
      name: '浙江省',
      sub_list: [{ type: 2, code: '330100', name: '杭州市', sub_list: [{ type: 3, code: '330106', name: '西湖区' }] }],
    },
  ],
  query_icp_certificate_types: [
    { type: 1, subject_type: 1, name: '营业执照（个人或企业）' },
    { type: 2, subject_type: 1, name: '组织机构代码证' },
    { type: 2, subject_type: 5, name: '居民身份证' },
    { type: 3, subject_type: 5, name: '护照', remark: '境外人员' },
  ],
  query_icp_nrlx_types: [
    { type: 1, name: '出版' },
    { type: 2, name: '文化' },
    { type: 3, name: '药品和医疗器械' },
    { type: 4, name: '新闻' },
    { type: 5, name: '宗教' },
  ],
  query_icp_service_content_types: [
    { type: 1, name: '生活服务', remark: '餐饮、美容美发、家政等' },
    { type: 11, parent_type: 1, name: '餐饮' },
    { type: 12, parent_type: 1, name: '丽人' },
    { type: 2, name: '商业服务', remark: '电商、零售等' },
    { type: 21, parent_type: 2, name: '网上商城' },
    { type: 3, name: '教育培训' },
    { type: 31, parent_type: 3, name: '职业技能培训' },
  ],
};
